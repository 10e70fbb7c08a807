package io.kdp.gatherer.writer;

import static org.assertj.core.api.Assertions.assertThat;

import io.kdp.store.writer.ConnectionWatermarks.Mark;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionLivenessTest {

  @Test
  void aConnectionIsAliveThroughItsNewestFrameOrPingAndFinalOnceEnded() {
    ConnectionLiveness l = new ConnectionLiveness();
    l.alive(1, 100);
    l.alive(1, 90); // a ping stamped before a frame handled after it: never backwards
    l.alive(2, 150);
    assertThat(l.marks())
        .containsExactlyInAnyOrder(new Mark(1, 100, false), new Mark(2, 150, false));

    l.ended(1);
    l.alive(1, 500); // a late frame of the old socket does not revive it
    List<Mark> marks = l.marks();
    assertThat(marks).containsExactlyInAnyOrder(new Mark(1, 100, true), new Mark(2, 150, false));

    l.written(marks);
    l.alive(1, 600);
    assertThat(l.marks()).containsExactly(new Mark(2, 150, false));
  }

  @Test
  void aConnectionThatEndedBeforeAnyFrameHasNoWatermark() {
    ConnectionLiveness l = new ConnectionLiveness();
    l.ended(7);
    assertThat(l.marks()).isEmpty();
  }
}
