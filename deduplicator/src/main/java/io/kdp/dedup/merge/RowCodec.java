package io.kdp.dedup.merge;

import io.kdp.client.model.Side;
import io.kdp.client.ws.message.Level;
import io.kdp.dedup.book.BookRow;
import io.kdp.store.row.DeltaRow;
import io.kdp.store.row.FeedSource;
import io.kdp.store.row.Provenance;
import io.kdp.store.row.SnapshotRow;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** One book row, and a list of levels, as the checkpoint and the pending chunks store them. */
final class RowCodec {

  private RowCodec() {}

  static void writeRow(DataOutputStream out, BookRow r) throws IOException {
    switch (r) {
      case BookRow.Snapshot s -> {
        out.writeByte(1);
        out.writeUTF(s.market());
        out.writeUTF(s.row().source().sql());
        writeLevels(out, s.row().yes());
        writeLevels(out, s.row().no());
      }
      case BookRow.Delta d -> {
        out.writeByte(2);
        out.writeUTF(d.market());
        out.writeBoolean(d.row().side() == Side.YES);
        out.writeLong(d.row().priceMicros());
        out.writeLong(d.row().deltaCenti());
      }
    }
    out.writeLong(r.exchangeTimeMicros());
    out.writeLong(r.receivedAtMicros());
    out.writeLong(r.provenance().connectionId());
    out.writeInt(r.provenance().sid());
    out.writeLong(r.provenance().seq());
  }

  static BookRow readRow(DataInputStream in, String gatherer) throws IOException {
    byte kind = in.readByte();
    String market = in.readUTF();
    if (kind == 1) {
      FeedSource source = FeedSource.fromSql(in.readUTF());
      List<Level> yes = readLevels(in);
      List<Level> no = readLevels(in);
      long exch = in.readLong();
      long recv = in.readLong();
      Provenance p = new Provenance(gatherer, in.readLong(), in.readInt(), in.readLong());
      return new BookRow.Snapshot(new SnapshotRow(market, source, yes, no, exch, recv, p));
    }
    Side side = in.readBoolean() ? Side.YES : Side.NO;
    long price = in.readLong();
    long delta = in.readLong();
    long exch = in.readLong();
    long recv = in.readLong();
    Provenance p = new Provenance(gatherer, in.readLong(), in.readInt(), in.readLong());
    return new BookRow.Delta(new DeltaRow(market, side, price, delta, exch, recv, p));
  }

  static void writeLevels(DataOutputStream out, List<Level> levels) throws IOException {
    out.writeInt(levels.size());
    for (Level l : levels) {
      out.writeLong(l.priceMicros());
      out.writeLong(l.sizeCenti());
    }
  }

  static List<Level> readLevels(DataInputStream in) throws IOException {
    int n = in.readInt();
    List<Level> levels = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      levels.add(new Level(in.readLong(), in.readLong()));
    }
    return levels;
  }
}
