package io.kdp.store.writer;

/**
 * What a metadata batch did.
 *
 * @param changed rows inserted or updated (rows whose content was already stored are untouched)
 * @param statusChanges rows added to {@code market_status_changes}
 */
public record MetadataWriteResult(int changed, int statusChanges) {}
