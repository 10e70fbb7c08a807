package io.kdp.client.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kdp.client.model.Contracts;
import io.kdp.client.model.Dollars;
import org.junit.jupiter.api.Test;

/** The fixed-point parsing the REST adapters rely on, at its edges. */
class FixedPointEdgeCasesTest {

  @Test
  void dollars() {
    assertThat(Dollars.parse("0.4200")).isEqualTo(420_000);
    assertThat(Dollars.parse("1.0000")).isEqualTo(1_000_000);
    assertThat(Dollars.parse("0")).isZero();
    assertThat(Dollars.parse("0.0000")).isZero();
    assertThat(Dollars.parse(".5")).isEqualTo(500_000);
    assertThat(Dollars.parse("1.")).isEqualTo(1_000_000);
    assertThat(Dollars.parse("0.000001")).isEqualTo(1);
    assertThat(Dollars.parse("0.99999900")).as("trailing zeros past 6 decimals").isEqualTo(999_999);
    assertThat(Dollars.parse("-0.0150")).isEqualTo(-15_000);
    assertThat(Dollars.parse("+2.5")).isEqualTo(2_500_000);
    assertThat(Dollars.format(420_000)).isEqualTo("0.4200");
    assertThat(Dollars.format(1_500)).isEqualTo("0.0015");
    assertThat(Dollars.format(999_999)).isEqualTo("0.999999");
    assertThat(Dollars.format(-15_000)).isEqualTo("-0.0150");
  }

  @Test
  void counts() {
    assertThat(Contracts.parse("136.00")).isEqualTo(13_600);
    assertThat(Contracts.parse("-54.00")).isEqualTo(-5_400);
    assertThat(Contracts.parse("0.01")).isEqualTo(1);
    assertThat(Contracts.parse("10")).isEqualTo(1_000);
    assertThat(Contracts.parse("2.5")).isEqualTo(250);
    assertThat(Contracts.format(13_600)).isEqualTo("136.00");
    assertThat(Contracts.format(1)).isEqualTo("0.01");
  }

  @Test
  void rejectsWhatIsNotAnExactDecimal() {
    assertThatThrownBy(() -> Dollars.parse("0.0000001"))
        .isInstanceOf(NumberFormatException.class)
        .hasMessage("more than 6 decimals: \"0.0000001\"");
    assertThatThrownBy(() -> Contracts.parse("1.005"))
        .hasMessage("more than 2 decimals: \"1.005\"");
    for (String bad : new String[] {"", "-", ".", "1.2.3", "1e3", "0,5", " 1", "NaN", "0x10"}) {
      assertThatThrownBy(() -> Dollars.parse(bad))
          .as(bad)
          .isInstanceOf(NumberFormatException.class);
    }
    assertThatThrownBy(() -> Dollars.parse("99999999999999.000000"))
        .isInstanceOf(ArithmeticException.class);
  }
}
