package io.kdp.store.schema;

import java.util.List;

/**
 * What one maintenance run changed.
 *
 * @param created partitions created
 * @param dropped partitions or chunks dropped past retention
 * @param compressed chunks compressed (TimescaleDB)
 * @param rowsTrimmed rows deleted from the plain tables (trade ids, closed gaps, quarantine) and
 *     from default partitions past retention
 */
public record MaintenanceReport(
    List<String> created, List<String> dropped, List<String> compressed, long rowsTrimmed) {

  public MaintenanceReport {
    created = List.copyOf(created);
    dropped = List.copyOf(dropped);
    compressed = List.copyOf(compressed);
  }
}
