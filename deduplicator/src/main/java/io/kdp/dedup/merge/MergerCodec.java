package io.kdp.dedup.merge;

import io.kdp.dedup.book.Book;
import io.kdp.dedup.book.BookRow;
import io.kdp.dedup.book.StreamKey;
import io.kdp.dedup.coverage.CoverageRun;
import io.kdp.store.row.SequenceGapRow;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * The {@link BookMerger}'s state as bytes (deflated): decided-to time, per gatherer its streams
 * (last seq, carried time, how far trusted quiet, rows read but not merged), its books and their
 * validity, its unapplied gaps, its counters; per market the selector. Saved in production with the
 * cursors. Formats: 2 ({@link #encodeWithoutPending}, what production saves) without the rows read
 * but not merged, which production keeps apart in chunks ({@link PendingChunks}), books in {@link
 * CompactLevels}; 3 ({@link #encode}) the same with those rows; 1, an earlier version's whole state
 * (no trust times or late-merged counts, books in fixed-width levels), is still read.
 */
public final class MergerCodec {

  private static final int LEGACY = 1;
  private static final int WITHOUT_PENDING = 2;
  private static final int WHOLE = 3;

  private MergerCodec() {}

  /** The whole state, pending rows included. */
  public static byte[] encode(BookMerger m) {
    return encode(m, true);
  }

  /** The state without the pending rows (kept by {@link PendingChunks}). */
  public static byte[] encodeWithoutPending(BookMerger m) {
    return encode(m, false);
  }

  private static byte[] encode(BookMerger m, boolean withPending) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    try (DataOutputStream out =
        new DataOutputStream(
            new java.io.BufferedOutputStream(new DeflaterOutputStream(bytes, deflater), 65_536))) {
      out.writeInt(withPending ? WHOLE : WITHOUT_PENDING);
      out.writeLong(m.windowMicros);
      out.writeLong(m.decidedTo);
      out.writeInt(m.gatherers.size());
      for (GathererStreams g : m.gatherers.values()) {
        out.writeUTF(g.gatherer);
        out.writeLong(g.lateRows);
        out.writeLong(g.ignoredDeltas);
        out.writeLong(g.lateMerged);
        out.writeInt(g.streams.size());
        for (Map.Entry<StreamKey, StreamState> e : g.streams.entrySet()) {
          out.writeLong(e.getKey().connectionId());
          out.writeInt(e.getKey().sid());
          out.writeLong(e.getValue().lastSeq);
          out.writeLong(e.getValue().lastTimeMicros);
          out.writeLong(e.getValue().trustedThroughMicros);
          if (withPending) {
            out.writeInt(e.getValue().pending.size());
            for (BookRow r : e.getValue().pending.values()) {
              RowCodec.writeRow(out, r);
            }
          } else {
            out.writeInt(0);
          }
        }
        out.writeInt(g.markets.size());
        for (Map.Entry<String, MarketState> e : g.markets.entrySet()) {
          MarketState ms = e.getValue();
          out.writeUTF(e.getKey());
          out.writeBoolean(ms.stream != null);
          if (ms.stream != null) {
            out.writeLong(ms.stream.connectionId());
            out.writeInt(ms.stream.sid());
          }
          out.writeBoolean(ms.valid);
          out.writeLong(ms.validSinceReceivedMicros);
          CompactLevels.write(out, ms.book.yes());
          CompactLevels.write(out, ms.book.no());
        }
        out.writeInt(g.pendingGaps.size());
        for (SequenceGapRow gap : g.pendingGaps) {
          out.writeLong(gap.gapId());
          out.writeLong(gap.connectionId());
          out.writeInt(gap.sid());
          out.writeLong(gap.expectedSeq());
          out.writeLong(gap.receivedSeq());
          out.writeInt(gap.markets().size());
          for (String market : gap.markets()) {
            out.writeUTF(market);
          }
          out.writeLong(gap.detectedAtMicros());
          out.writeLong(gap.recoveredAtMicros());
        }
      }
      out.writeInt(m.selectors.size());
      for (Map.Entry<String, StreamSelector> e : m.selectors.entrySet()) {
        StreamSelector s = e.getValue();
        out.writeUTF(e.getKey());
        writeNullable(out, s.current);
        out.writeBoolean(s.started);
        out.writeBoolean(s.run != null);
        if (s.run != null) {
          out.writeLong(s.run.startMicros());
          out.writeLong(s.run.endMicros());
          writeNullable(out, s.run.gatherer());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    deflater.end();
    return bytes.toByteArray();
  }

  /**
   * Restores a merger; its gatherers must be those of {@code preference} (same names). A state
   * saved without its pending rows comes back without them: {@link PendingChunks#restore} adds
   * them.
   */
  public static BookMerger decode(byte[] state, List<String> preference) {
    try (DataInputStream in =
        new DataInputStream(
            new java.io.BufferedInputStream(
                new InflaterInputStream(new ByteArrayInputStream(state))))) {
      int version = in.readInt();
      if (version != LEGACY && version != WITHOUT_PENDING && version != WHOLE) {
        throw new IllegalStateException("unknown dedup checkpoint version");
      }
      BookMerger m = new BookMerger(preference, in.readLong());
      m.decidedTo = in.readLong();
      int gatherers = in.readInt();
      for (int i = 0; i < gatherers; i++) {
        String name = in.readUTF();
        GathererStreams g = m.gatherers.computeIfAbsent(name, GathererStreams::new);
        g.lateRows = in.readLong();
        g.ignoredDeltas = in.readLong();
        g.lateMerged = version == LEGACY ? 0 : in.readLong();
        int streams = in.readInt();
        for (int s = 0; s < streams; s++) {
          StreamKey key = new StreamKey(in.readLong(), in.readInt());
          StreamState st = new StreamState();
          st.lastSeq = in.readLong();
          st.lastTimeMicros = in.readLong();
          st.trustedThroughMicros = version == LEGACY ? Long.MIN_VALUE : in.readLong();
          g.streams.put(key, st);
          int pending = in.readInt();
          for (int p = 0; p < pending; p++) {
            g.add(RowCodec.readRow(in, name));
          }
        }
        int markets = in.readInt();
        for (int k = 0; k < markets; k++) {
          String market = in.readUTF();
          StreamKey stream = in.readBoolean() ? new StreamKey(in.readLong(), in.readInt()) : null;
          boolean valid = in.readBoolean();
          long since = in.readLong();
          MarketState ms =
              new MarketState(
                  version == LEGACY
                      ? Book.of(RowCodec.readLevels(in), RowCodec.readLevels(in))
                      : Book.of(CompactLevels.read(in), CompactLevels.read(in)));
          ms.stream = stream;
          ms.valid = valid;
          ms.validSinceReceivedMicros = since;
          g.markets.put(market, ms);
        }
        int gaps = in.readInt();
        for (int k = 0; k < gaps; k++) {
          long id = in.readLong();
          long conn = in.readLong();
          int sid = in.readInt();
          long expected = in.readLong();
          long received = in.readLong();
          int n = in.readInt();
          List<String> markets2 = new ArrayList<>(n);
          for (int x = 0; x < n; x++) {
            markets2.add(in.readUTF());
          }
          g.pendingGaps.add(
              new SequenceGapRow(
                  id, name, conn, sid, expected, received, markets2, in.readLong(), in.readLong()));
        }
      }
      int selectors = in.readInt();
      for (int i = 0; i < selectors; i++) {
        String market = in.readUTF();
        StreamSelector s = new StreamSelector(market);
        s.current = readNullable(in);
        s.started = in.readBoolean();
        if (in.readBoolean()) {
          s.run = new CoverageRun(market, in.readLong(), in.readLong(), readNullable(in));
        }
        m.selectors.put(market, s);
      }
      return m;
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt dedup checkpoint", e);
    }
  }

  private static void writeNullable(DataOutputStream out, String s) throws IOException {
    out.writeBoolean(s != null);
    if (s != null) {
      out.writeUTF(s);
    }
  }

  private static String readNullable(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }
}
