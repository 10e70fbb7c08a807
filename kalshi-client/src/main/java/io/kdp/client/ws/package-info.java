/**
 * Kalshi WebSocket client. {@link io.kdp.client.ws.KalshiWsClient} keeps one signed connection and
 * a registry of desired subscriptions alive; {@link io.kdp.client.ws.WsSession} is one socket;
 * {@link io.kdp.client.ws.SubscriptionRegistry}, {@link io.kdp.client.ws.SeqTracker}, {@link
 * io.kdp.client.ws.Backoff} and {@link io.kdp.client.ws.CommandCorrelator} each hold one concern.
 * Frames are decoded by {@link io.kdp.client.ws.codec.WsFrameDecoder} into the records of {@code
 * io.kdp.client.ws.message}.
 *
 * <p>Threading and backpressure: each client has one thread. Jetty hands it each text frame with
 * its receive time; that thread journals the frame ({@link io.kdp.client.ws.WsFrameSink}), decodes
 * it, checks its seq and calls {@link io.kdp.client.ws.WsEvents}; only then is the next frame read
 * from the socket. There is no queue between socket and owner: a slow owner slows the socket, and
 * Kalshi ends a subscription it cannot feed with error 25, which the client answers by subscribing
 * again.
 *
 * <pre>{@code
 * KalshiWsClient ws = KalshiWsClient.open(WsClientConfig.defaults(uri, signer), null, events, sink);
 * WsSubscription book = ws.subscribe("orderbook_delta", List.of("KXHIGHNY-26MAY01-T60"));
 * ws.start();                                  // connects, subscribes, reconnects until close()
 * ws.addMarkets(book, List.of("KXHIGHNY-26MAY01-T61"));
 * ws.getSnapshot(book, ws.markets(book));      // after a SequenceGap
 * }</pre>
 */
package io.kdp.client.ws;
