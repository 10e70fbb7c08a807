package io.kdp.client.rest.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * Standard trading hours (Eastern time) and maintenance windows.
 *
 * <p>Wire record: field names are Kalshi's, in snake case through {@code KalshiJson}; unknown
 * fields are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Schedule(
    List<WeeklySchedule> standardHours, List<MaintenanceWindow> maintenanceWindows) {}
