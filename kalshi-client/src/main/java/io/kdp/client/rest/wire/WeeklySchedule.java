package io.kdp.client.rest.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * Trading sessions per weekday, valid from {@code start_time} to {@code end_time}.
 *
 * <p>Wire record: field names are Kalshi's, in snake case through {@code KalshiJson}; unknown
 * fields are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WeeklySchedule(
    String startTime,
    String endTime,
    List<DailySession> monday,
    List<DailySession> tuesday,
    List<DailySession> wednesday,
    List<DailySession> thursday,
    List<DailySession> friday,
    List<DailySession> saturday,
    List<DailySession> sunday) {}
