package io.kdp.client.ws;

import static io.kdp.client.ws.SeqTracker.Verdict.DUPLICATE;
import static io.kdp.client.ws.SeqTracker.Verdict.GAP;
import static io.kdp.client.ws.SeqTracker.Verdict.IN_ORDER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeqTrackerTest {

  @Test
  void firstSeqIsTheBaselineThenGapsAndDuplicatesPerSid() {
    SeqTracker t = new SeqTracker();
    List<SeqTracker.Verdict> verdicts = new ArrayList<>();
    long[][] frames = {{1, 2}, {1, 3}, {2, 1}, {1, 3}, {1, 6}, {2, 2}, {1, 5}, {1, 7}};
    for (long[] f : frames) {
      verdicts.add(t.observe((int) f[0], f[1]));
    }
    assertThat(verdicts)
        .isEqualTo(
            List.of(IN_ORDER, IN_ORDER, IN_ORDER, DUPLICATE, GAP, IN_ORDER, DUPLICATE, IN_ORDER));
    t.forget(1);
    assertThat(t.observe(1, 1)).isEqualTo(IN_ORDER);
  }

  @Test
  void gapRemembersWhatWasExpected() {
    SeqTracker t = new SeqTracker();
    t.observe(4, 10);
    assertThat(t.observe(4, 15)).isEqualTo(GAP);
    assertThat(t.expectedOnGap()).isEqualTo(11);
  }

  @Test
  void aReplyThatTakesTheNextSeqAdvancesOthersAreIgnored() {
    SeqTracker t = new SeqTracker();
    t.observe(1, 5);
    t.observeReply(1, 6); // an ok that consumed a number
    assertThat(t.observe(1, 7)).isEqualTo(IN_ORDER);
    t.observeReply(1, 7); // an ok that repeats the current position
    assertThat(t.observe(1, 8)).isEqualTo(IN_ORDER);
  }
}
