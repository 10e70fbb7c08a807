package io.kdp.bench.deduplag;

import io.kdp.store.GathererStore;
import io.kdp.store.table.Tables;
import io.kdp.store.writer.ConnectionWatermarks;
import io.kdp.store.writer.CopyWriter;
import io.kdp.store.writer.StreamWatermarks;
import io.kdp.store.writer.TradeWriter;
import java.util.List;
import javax.sql.DataSource;

/**
 * One gatherer's storage side at a steady rate: every {@code flushMillis} it writes what it has
 * received of the {@link ExchangeStream} since the last flush with the real store writers (binary
 * COPY for deltas and tickers, {@link TradeWriter} for trades) in one transaction, and records the
 * commit time of the sampled rows in {@link LagSamples}. Its stream watermark advances as the
 * gatherer's {@code WatermarkWriter} does: every {@code watermarkMillis} a mark is taken (the
 * receive time up to which rows were handed to the writers) and written as soon as its rows are
 * committed — here right after the flush that committed them — so the watermark trails real time by
 * the flush period plus up to one interval.
 */
final class PacedGatherer implements AutoCloseable {

  private final int index;
  private final String name;
  private final DataSource ds;
  private final ExchangeStream stream;
  private final LagSamples samples;
  private final int flushMillis;
  private final long watermarkMicros;
  private final int sampleEvery;
  private final Thread thread;
  private final TradeWriter trades = new TradeWriter();
  private volatile boolean stop;
  private volatile Exception failure;
  private volatile long rowsWritten;
  private volatile long maxFlushBehindMicros;
  private volatile long watermarkNanos;
  private volatile long watermarkWrites;

  PacedGatherer(
      int index,
      String name,
      DataSource ds,
      ExchangeStream stream,
      LagSamples samples,
      int flushMillis,
      int watermarkMillis,
      int sampleEvery) {
    this.index = index;
    this.name = name;
    this.ds = ds;
    this.stream = stream;
    this.samples = samples;
    this.flushMillis = flushMillis;
    this.watermarkMicros = watermarkMillis * 1_000L;
    this.sampleEvery = sampleEvery;
    this.thread = Thread.ofPlatform().name("bench-gatherer-" + name).daemon().unstarted(this::run);
  }

  PacedGatherer start() throws Exception {
    var snapshots = stream.snapshots();
    GathererStore.inTransaction(ds, c -> new CopyWriter<>(Tables.SNAPSHOTS).write(c, snapshots));
    rowsWritten = snapshots.size();
    thread.start();
    return this;
  }

  /** Rows committed so far. */
  long rowsWritten() {
    return rowsWritten;
  }

  /** How far behind its receive clock a flush ever started (µs): the writer kept pace if small. */
  long maxFlushBehindMicros() {
    return maxFlushBehindMicros;
  }

  /** Watermark transactions written so far, and their summed wall time (ns). */
  long[] watermarkWrites() {
    return new long[] {watermarkWrites, watermarkNanos};
  }

  private void run() {
    long nextMarkAt = LagSamples.nowMicros() + watermarkMicros;
    try {
      while (!stop) {
        long now = LagSamples.nowMicros();
        List<Long> sampled = new java.util.ArrayList<>();
        ExchangeStream.Rows rows =
            stream.receivedBy(
                now,
                sampleEvery,
                (k, kind, row) -> {
                  samples.register(k, kind, row);
                  sampled.add(k);
                });
        long written =
            GathererStore.inTransaction(
                ds,
                c -> {
                  new CopyWriter<>(Tables.DELTAS).write(c, rows.deltas());
                  new CopyWriter<>(Tables.TICKERS).write(c, rows.tickers());
                  trades.write(c, rows.trades());
                  return (long) rows.deltas().size() + rows.tickers().size() + rows.trades().size();
                });
        long committed = LagSamples.nowMicros();
        for (long k : sampled) {
          samples.committed(k, index, committed);
        }
        rowsWritten += written;
        maxFlushBehindMicros = Math.max(maxFlushBehindMicros, committed - now);
        if (now >= nextMarkAt) {
          // the mark taken as this flush began: its rows are committed now, write it
          long m = now;
          long t0 = System.nanoTime();
          GathererStore.inTransaction(
              ds,
              c -> {
                StreamWatermarks.advance(c, name, m);
                // its one book connection received through the same mark, as the gatherer's
                // WatermarkWriter records per connection
                ConnectionWatermarks.write(
                    c,
                    name,
                    List.of(new ConnectionWatermarks.Mark(stream.connectionId(), m, false)),
                    m);
                return null;
              });
          watermarkNanos += System.nanoTime() - t0;
          watermarkWrites++;
          nextMarkAt += watermarkMicros;
          if (nextMarkAt <= now) {
            nextMarkAt = now + watermarkMicros; // a slow flush brings no burst of marks
          }
        }
        long sleep = flushMillis - (LagSamples.nowMicros() - now) / 1000;
        if (sleep > 0) {
          Thread.sleep(sleep);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      failure = e;
    }
  }

  /** Throws what stopped the writer, if anything did. */
  void check() throws Exception {
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop = true;
    thread.join(10_000);
  }
}
