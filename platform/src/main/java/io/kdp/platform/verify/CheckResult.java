package io.kdp.platform.verify;

import java.util.List;

/**
 * One comparison of production with the exchange's ground truth.
 *
 * @param check what was compared ({@code trades}, {@code candles_1m}, {@code books})
 * @param compared items on the exchange's side
 * @param missing on the exchange, not in production
 * @param extra in production, not on the exchange
 * @param different in both, with different content
 * @param skipped items not compared, with the reason in {@code examples}
 * @param examples up to ten lines naming differences, for the operator
 */
public record CheckResult(
    String check,
    long compared,
    long missing,
    long extra,
    long different,
    long skipped,
    List<String> examples) {

  public boolean ok() {
    return missing == 0 && extra == 0 && different == 0;
  }
}
