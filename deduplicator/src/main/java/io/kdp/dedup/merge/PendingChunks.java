package io.kdp.dedup.merge;

import io.kdp.dedup.book.BookRow;
import io.kdp.dedup.book.StreamKey;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * The merger's pending rows (read, not yet decided) as production keeps them: in chunks, one per
 * merge transaction, holding the rows that transaction read and left pending. A chunk is written
 * once and deleted by the transaction that decides its last row, so a checkpoint costs what the
 * transaction read rather than everything pending; the rest of the merger's state is saved whole
 * ({@link MergerCodec#encodeWithoutPending}). Saved state + live chunks = the merger as committed.
 * Pure: the caller runs the SQL, in the merge transaction, and reloads both after a failure.
 */
public final class PendingChunks {

  /**
   * What one transaction writes: the new chunk ({@code bytes} null: none) and the chunks dropped.
   */
  public record Save(long chunkId, byte[] bytes, List<Long> dropped) {}

  /** A live chunk: its id, and per gatherer and stream the highest seq it holds. */
  private record Live(long id, Map<String, Map<StreamKey, Long>> maxSeq) {}

  private record Added(String gatherer, BookRow row) {}

  private final List<Live> live = new ArrayList<>();
  private final List<Added> added = new ArrayList<>();
  private long nextId = 1;

  private PendingChunks() {}

  /** Nothing saved yet. */
  public static PendingChunks empty() {
    return new PendingChunks();
  }

  /**
   * Adds the pending rows of {@code chunks} (id and bytes, in id order) to {@code m}, a merger
   * decoded without them. Rows pending in {@code m} already (a whole state of format version 1) are
   * not in any chunk: the next {@link #save} writes them.
   */
  public static PendingChunks restore(BookMerger m, List<Map.Entry<Long, byte[]>> chunks) {
    PendingChunks p = new PendingChunks();
    for (GathererStreams g : m.gatherers.values()) {
      for (StreamState st : g.streams.values()) {
        st.pending.values().forEach(r -> p.added.add(new Added(g.gatherer, r)));
      }
    }
    for (Map.Entry<Long, byte[]> chunk : chunks) {
      Map<String, Map<StreamKey, Long>> maxSeq = new HashMap<>();
      for (Added a : decode(chunk.getValue())) {
        GathererStreams g = m.gatherers.computeIfAbsent(a.gatherer(), GathererStreams::new);
        StreamKey key = StreamKey.of(a.row().provenance());
        long seq = a.row().provenance().seq();
        maxSeq.computeIfAbsent(a.gatherer(), x -> new HashMap<>()).merge(key, seq, Math::max);
        StreamState st = g.streams.get(key);
        if (st == null || st.lastSeq == StreamState.NONE || seq > st.lastSeq) {
          g.add(a.row());
        }
      }
      p.live.add(new Live(chunk.getKey(), maxSeq));
      p.nextId = Math.max(p.nextId, chunk.getKey() + 1);
    }
    return p;
  }

  /** A row {@code gatherer}'s streams accepted in the current transaction. */
  public void added(String gatherer, BookRow row) {
    added.add(new Added(gatherer, row));
  }

  /**
   * After {@code m} decided this transaction's windows: the rows added and still pending as a new
   * chunk, and the chunks whose every row is now decided. The bookkeeping moves on as if the
   * transaction committed (after a failure, restore from production again).
   */
  public Save save(BookMerger m) {
    List<Added> keep = new ArrayList<>();
    Map<String, Map<StreamKey, Long>> maxSeq = new HashMap<>();
    for (Added a : added) {
      StreamKey key = StreamKey.of(a.row().provenance());
      long seq = a.row().provenance().seq();
      if (decided(m, a.gatherer(), key, seq)) {
        continue;
      }
      keep.add(a);
      maxSeq.computeIfAbsent(a.gatherer(), x -> new HashMap<>()).merge(key, seq, Math::max);
    }
    added.clear();
    List<Long> dropped = new ArrayList<>();
    for (Iterator<Live> it = live.iterator(); it.hasNext(); ) {
      Live c = it.next();
      if (allDecided(m, c.maxSeq())) {
        dropped.add(c.id());
        it.remove();
      }
    }
    if (keep.isEmpty()) {
      return new Save(0, null, dropped);
    }
    long id = nextId++;
    live.add(new Live(id, maxSeq));
    return new Save(id, encode(keep), dropped);
  }

  /** Chunks saved and not yet dropped. */
  public int liveChunks() {
    return live.size();
  }

  private static boolean allDecided(BookMerger m, Map<String, Map<StreamKey, Long>> maxSeq) {
    for (Map.Entry<String, Map<StreamKey, Long>> g : maxSeq.entrySet()) {
      for (Map.Entry<StreamKey, Long> s : g.getValue().entrySet()) {
        if (!decided(m, g.getKey(), s.getKey(), s.getValue())) {
          return false;
        }
      }
    }
    return true;
  }

  /** Whether seq {@code seq} of the stream is merged: replay takes each stream in seq order. */
  private static boolean decided(BookMerger m, String gatherer, StreamKey key, long seq) {
    GathererStreams g = m.gatherers.get(gatherer);
    StreamState st = g == null ? null : g.streams.get(key);
    return st != null && st.lastSeq != StreamState.NONE && seq <= st.lastSeq;
  }

  private static byte[] encode(List<Added> rows) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    try (DataOutputStream out =
        new DataOutputStream(
            new BufferedOutputStream(new DeflaterOutputStream(bytes, deflater), 65_536))) {
      out.writeInt(rows.size());
      for (Added a : rows) {
        out.writeUTF(a.gatherer());
        RowCodec.writeRow(out, a.row());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deflater.end();
    }
    return bytes.toByteArray();
  }

  private static List<Added> decode(byte[] chunk) {
    try (DataInputStream in =
        new DataInputStream(
            new BufferedInputStream(new InflaterInputStream(new ByteArrayInputStream(chunk))))) {
      int n = in.readInt();
      List<Added> rows = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        String gatherer = in.readUTF();
        rows.add(new Added(gatherer, RowCodec.readRow(in, gatherer)));
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt dedup pending chunk", e);
    }
  }
}
