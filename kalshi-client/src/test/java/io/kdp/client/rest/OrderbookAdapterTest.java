package io.kdp.client.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kdp.client.json.KalshiJson;
import io.kdp.client.rest.wire.OrderbookResponse;
import io.kdp.client.rest.wire.OrderbooksResponse;
import io.kdp.client.ws.message.Level;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderbookAdapterTest {

  static final RestOrderbook EXPECTED =
      new RestOrderbook(
          "KXHIGHNY-26MAY01-T60",
          List.of(new Level(80_000, 30_000), new Level(420_000, 1_300)),
          List.of(new Level(540_000, 2_000), new Level(560_000, 14_600)));

  static OrderbookResponse decode(String json) throws Exception {
    return KalshiJson.mapper().readValue(json, OrderbookResponse.class);
  }

  @Test
  void currentOrderbookFpShape() throws Exception {
    String json =
        """
        {"orderbook_fp": {
           "yes_dollars": [["0.0800","300.00"], ["0.4200","13.00"]],
           "no_dollars":  [["0.5400","20.00"],  ["0.5600","146.00"]]}}
        """;
    assertThat(OrderbookAdapter.fromResponse("KXHIGHNY-26MAY01-T60", decode(json)))
        .isEqualTo(EXPECTED);
  }

  @Test
  void legacyShapeWithDollarStringsOrIntegerCentsGivesTheSameBook() throws Exception {
    String dollars =
        """
        {"orderbook": {"yes": [[8, 300], [42, 13]], "no": [[54, 20], [56, 146]],
          "yes_dollars": [["0.0800", 300], ["0.4200", 13]],
          "no_dollars": [["0.5400", 20], ["0.5600", 146]]}}
        """;
    String cents =
        """
        {"orderbook": {"yes": [[8, 300], [42, 13]], "no": [[54, 20], [56, 146]]}}
        """;
    assertThat(OrderbookAdapter.fromResponse("KXHIGHNY-26MAY01-T60", decode(dollars)))
        .isEqualTo(EXPECTED);
    assertThat(OrderbookAdapter.fromResponse("KXHIGHNY-26MAY01-T60", decode(cents)))
        .isEqualTo(EXPECTED);
  }

  @Test
  void emptyAndMissingSidesAreEmptyLists() throws Exception {
    assertThat(
            OrderbookAdapter.fromResponse("T", decode("{\"orderbook_fp\":{\"yes_dollars\":[]}}")))
        .isEqualTo(new RestOrderbook("T", List.of(), List.of()));
  }

  @Test
  void subPennyPricesAndFractionalCountsStayExact() throws Exception {
    String json =
        "{\"orderbook_fp\":{\"yes_dollars\":[[\"0.0015\",\"0.01\"],[\"0.999999\",\"2.50\"]]}}";
    assertThat(OrderbookAdapter.fromResponse("T", decode(json)).yes())
        .containsExactly(new Level(1_500, 1), new Level(999_999, 250));
  }

  @Test
  void batchEntriesKeepTheirTickers() throws Exception {
    String json =
        """
        {"orderbooks":[{"ticker":"A","orderbook_fp":{"yes_dollars":[["0.1000","1.00"]],"no_dollars":[]}},
                       {"ticker":"B","orderbook_fp":{"yes_dollars":[],"no_dollars":[["0.9000","2.00"]]}}]}
        """;
    OrderbooksResponse r = KalshiJson.mapper().readValue(json, OrderbooksResponse.class);
    assertThat(r.orderbooks().stream().map(OrderbookAdapter::fromBatchEntry).toList())
        .containsExactly(
            new RestOrderbook("A", List.of(new Level(100_000, 100)), List.of()),
            new RestOrderbook("B", List.of(), List.of(new Level(900_000, 200))));
  }

  @Test
  void malformedLevelsFailWithTheTickerAndLevel() throws Exception {
    assertThatThrownBy(
            () ->
                OrderbookAdapter.fromResponse(
                    "T", decode("{\"orderbook_fp\":{\"yes_dollars\":[[\"0.10\"]]}}")))
        .isInstanceOf(KalshiProtocolException.class)
        .hasMessage("orderbook of T: level is not [price, count]: [0.10]");
    assertThatThrownBy(
            () ->
                OrderbookAdapter.fromResponse(
                    "T", decode("{\"orderbook_fp\":{\"no_dollars\":[[\"0.1x\",\"1.00\"]]}}")))
        .hasMessage("orderbook of T: level [0.1x, 1.00]: not a decimal: \"0.1x\"");
    assertThatThrownBy(() -> OrderbookAdapter.fromResponse("T", decode("{}")))
        .hasMessage("orderbook of T: neither orderbook_fp nor orderbook in the response");
  }
}
