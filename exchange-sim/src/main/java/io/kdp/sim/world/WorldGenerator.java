package io.kdp.sim.world;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Invents series, events and strikes, deterministically from the engine's random source. */
final class WorldGenerator {

  /** One recurring question, the template of a series. */
  private record Template(
      String ticker,
      String title,
      String category,
      String frequency,
      String question,
      String unit,
      int base,
      int step,
      int scale) {}

  private static final List<Template> TEMPLATES =
      List.of(
          new Template(
              "KXHIGHNY",
              "Highest temperature in NYC",
              "Climate and Weather",
              "daily",
              "Highest temperature in NYC on %s?",
              "°",
              55,
              2,
              0),
          new Template(
              "KXCPIYOY",
              "CPI year over year",
              "Economics",
              "monthly",
              "CPI year-over-year for %s?",
              "%",
              28,
              1,
              1),
          new Template(
              "KXFEDRATE",
              "Fed funds target rate",
              "Economics",
              "custom",
              "Fed funds upper bound after %s?",
              "%",
              400,
              25,
              2),
          new Template(
              "KXINXD",
              "S&P 500 daily close",
              "Financials",
              "daily",
              "S&P 500 close on %s?",
              "",
              6000,
              25,
              0),
          new Template(
              "KXBTCD",
              "Bitcoin daily price",
              "Crypto",
              "hourly",
              "Bitcoin price at %s?",
              "$",
              95000,
              500,
              0),
          new Template(
              "KXRAINSEA",
              "Rain in Seattle",
              "Climate and Weather",
              "daily",
              "Rainfall in Seattle on %s?",
              " in",
              5,
              5,
              1));

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyMMMdd", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final SplittableRandom rnd;
  private int eventCounter;

  WorldGenerator(SplittableRandom rnd) {
    this.rnd = rnd;
  }

  List<SeriesState> series(long nowMillis) {
    List<SeriesState> out = new ArrayList<>();
    for (Template t : TEMPLATES) {
      out.add(
          new SeriesState(
              t.ticker(),
              t.title(),
              t.category(),
              t.frequency(),
              List.of(t.category()),
              rnd.nextInt(4) == 0 ? "quadratic_with_maker_fees" : "quadratic",
              rnd.nextInt(2) == 0 ? "1" : "0.5",
              nowMillis));
    }
    return out;
  }

  /** A new event ticker for a series, unique within the run. */
  String eventTicker(SeriesState s, long nowMillis) {
    int n = eventCounter++;
    return s.ticker()
        + "-"
        + DATE.format(Instant.ofEpochMilli(nowMillis)).toUpperCase(Locale.ROOT)
        + suffix(n);
  }

  String eventTitle(SeriesState s, long strikeMillis) {
    Template t = template(s);
    return String.format(
        Locale.ROOT, t.question(), DATE.format(Instant.ofEpochMilli(strikeMillis)));
  }

  /** Strikes for one event, ascending, as market specs. */
  List<MarketSpec> strikes(SeriesState s, int count) {
    Template t = template(s);
    List<MarketSpec> out = new ArrayList<>(count);
    int first = t.base() + (rnd.nextInt(5) - 2) * t.step();
    for (int i = 0; i < count; i++) {
      BigDecimal strike = BigDecimal.valueOf((long) first + (long) i * t.step(), t.scale());
      boolean half = rnd.nextInt(4) == 0;
      if (half) {
        strike = strike.add(BigDecimal.valueOf(5, t.scale() + 1));
      }
      String text = strike.toPlainString();
      PriceGrid grid = rnd.nextInt(4) == 0 ? PriceGrid.DECI_CENT : PriceGrid.LINEAR_CENT;
      long fair =
          grid.clamp(900_000L - (800_000L * (i + 1)) / (count + 1) + rnd.nextLong(-30_000, 30_000));
      out.add(
          new MarketSpec(
              "T" + text,
              "Above " + text + t.unit(),
              text + t.unit() + " or below",
              "greater",
              strike,
              "If the outcome is above " + text + t.unit() + ", the market resolves to Yes.",
              grid,
              rnd.nextInt(5) == 0,
              rnd.nextInt(3) != 0,
              fair));
    }
    return out;
  }

  private static Template template(SeriesState s) {
    for (Template t : TEMPLATES) {
      if (t.ticker().equals(s.ticker())) {
        return t;
      }
    }
    throw new IllegalArgumentException("no template for " + s.ticker());
  }

  private static String suffix(int n) {
    StringBuilder sb = new StringBuilder();
    int v = n;
    do {
      sb.append((char) ('A' + v % 26));
      v = v / 26 - 1;
    } while (v >= 0);
    return sb.reverse().toString();
  }
}
