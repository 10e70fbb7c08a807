package io.kdp.store.writer;

/**
 * What a trade batch did.
 *
 * @param inserted trades stored now
 * @param duplicates trades this gatherer had already stored (or that repeated within the batch),
 *     left out
 */
public record TradeWriteResult(int inserted, int duplicates) {}
