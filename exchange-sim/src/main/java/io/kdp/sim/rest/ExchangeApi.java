package io.kdp.sim.rest;

import io.kdp.client.rest.wire.DailySession;
import io.kdp.client.rest.wire.ExchangeStatus;
import io.kdp.client.rest.wire.HistoricalCutoff;
import io.kdp.client.rest.wire.Schedule;
import io.kdp.client.rest.wire.ScheduleResponse;
import io.kdp.client.rest.wire.WeeklySchedule;
import io.kdp.sim.world.World;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

/** {@code GET /exchange/status}, {@code /exchange/schedule}, {@code /historical/cutoff}. */
final class ExchangeApi {

  private final World world;
  private final InstantSource clock;
  private final long startMillis;

  ExchangeApi(World world, InstantSource clock) {
    this.world = world;
    this.clock = clock;
    this.startMillis = clock.millis();
  }

  ExchangeStatus status() {
    return world.read(
        () -> {
          boolean active = world.exchangeActive();
          return new ExchangeStatus(
              active, active, active ? null : Views.time(world.exchangeResumeMillis()));
        });
  }

  ScheduleResponse schedule() {
    ZonedDateTime year = Instant.ofEpochMilli(clock.millis()).atZone(ZoneOffset.UTC);
    String from =
        year.withDayOfYear(1).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant().toString();
    String to =
        year.withDayOfYear(1)
            .plusYears(1)
            .toLocalDate()
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant()
            .toString();
    List<DailySession> all = List.of(new DailySession("00:00", "23:59"));
    WeeklySchedule week = new WeeklySchedule(from, to, all, all, all, all, all, all, all);
    return new ScheduleResponse(new Schedule(List.of(week), List.of()));
  }

  HistoricalCutoff cutoff() {
    long tradesCutoff = world.read(() -> world.tape().cutoffMicros());
    String settled = Views.time(startMillis - 90L * 86_400_000L);
    String trades = tradesCutoff == 0 ? settled : Views.timeMicros(tradesCutoff);
    return new HistoricalCutoff(settled, trades, settled);
  }
}
