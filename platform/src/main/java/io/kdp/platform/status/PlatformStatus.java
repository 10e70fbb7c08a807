package io.kdp.platform.status;

import java.util.List;
import java.util.Map;

/**
 * What {@code /api/status} answers: one reading of every role, taken by {@link StatusCollector}.
 * Absent roles are null (exchange, dedup, archive) or empty lists; the page shows them as absent.
 *
 * @param atMillis wall-clock time of the reading
 * @param exchange the exchange as the platform sees it (in the demo: the simulator's own counts)
 * @param gatherers one entry per configured gatherer, up or not
 * @param dedup the deduplicator's metrics, or null when none is configured
 * @param production exact row counts of production's tables, in name order
 * @param archive objects and bytes per top-level prefix of the archive bucket(s), or null
 */
public record PlatformStatus(
    long atMillis,
    ExchangeView exchange,
    List<GathererView> gatherers,
    DedupView dedup,
    List<TableCount> production,
    Map<String, PrefixUsage> archive) {

  /**
   * @param source where these numbers come from ({@code simulator} in the demo)
   * @param messagesEmitted WebSocket channel messages the exchange produced so far
   * @param tradesEmitted trades the exchange made since the platform started watching it
   * @param tradesOnTape trades on the exchange's live tape
   * @param messagesPerSecond emitted messages per second over the last interval
   * @param active {@code exchange_active}
   */
  public record ExchangeView(
      String source,
      long messagesEmitted,
      long tradesEmitted,
      long tradesOnTape,
      double messagesPerSecond,
      boolean active) {}

  /**
   * @param id gatherer id (a, b, c)
   * @param up its {@code /health} answered 200 and {@code /metrics} was read
   * @param connections WebSocket connections it reports a last-message age for
   * @param messagesPerSecond per channel, over the last interval
   * @param messagesTotal messages decoded since it started
   * @param gaps sequence gaps detected
   * @param reconnects reconnects
   * @param lastMessageAgeSeconds youngest last-message age over its connections, or null
   * @param journalBacklog frames journaled and not yet loaded into its database
   * @param error why it is not up, or null
   */
  public record GathererView(
      String id,
      boolean up,
      int connections,
      Map<String, Double> messagesPerSecond,
      double messagesTotal,
      double gaps,
      double reconnects,
      Double lastMessageAgeSeconds,
      double journalBacklog,
      String error) {}

  /**
   * @param up its metrics were read
   * @param lagSeconds per gatherer: newest gatherer row vs newest merged row
   * @param rowsMerged rows written to production
   * @param duplicatesDiscarded rows seen again from another gatherer and dropped
   * @param coverageHoles windows no gatherer covered cleanly
   * @param decidedTo Unix seconds up to which the book is merged (0 before the first decision)
   * @param error why it is not up, or null
   */
  public record DedupView(
      boolean up,
      Map<String, Double> lagSeconds,
      double rowsMerged,
      double duplicatesDiscarded,
      double coverageHoles,
      double decidedTo,
      String error) {}

  public record TableCount(String table, long rows) {}

  public record PrefixUsage(long objects, long bytes) {}
}
