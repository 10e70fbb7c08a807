package io.kdp.sim.journal;

import io.kdp.client.ws.codec.WsFrameEncoder;
import io.kdp.client.ws.message.ChannelMessage;
import io.kdp.sim.world.WorldListener;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Ground truth: every message the exchange emits, one JSON line each, in the engine's total order:
 * {@code {"n":1,"ts_ms":1795000000123,"type":"orderbook_delta","msg":{...}}}. {@code n} counts from
 * 1; {@code msg} is exactly the WebSocket body. Books start empty, so replaying the deltas of a
 * market up to time T gives its book at T; the {@code trade} lines are every trade. Written
 * synchronously on the engine thread (no queue), flushed after every engine step.
 */
public final class Journal implements WorldListener, AutoCloseable {

  private final BufferedWriter out;
  private long n;

  public Journal(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    this.out =
        Files.newBufferedWriter(
            file,
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE);
  }

  @Override
  public void onMessage(ChannelMessage message, long exchangeMillis) {
    try {
      out.write("{\"n\":");
      out.write(Long.toString(++n));
      out.write(",\"ts_ms\":");
      out.write(Long.toString(exchangeMillis));
      out.write(",\"type\":\"");
      out.write(WsFrameEncoder.type(message));
      out.write("\",\"msg\":");
      out.write(WsFrameEncoder.body(message));
      out.write("}\n");
    } catch (IOException e) {
      throw new UncheckedIOException("journal write failed", e);
    }
  }

  /** Makes everything written so far visible to readers of the file. */
  public synchronized void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("journal flush failed", e);
    }
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
