package io.kdp.client.ws;

/**
 * Handle of one desired subscription (one channel, one market set) in a {@link KalshiWsClient}. It
 * outlives connections: the client replays it after every reconnect under a new {@code sid}.
 *
 * @param key client-local id, stable for the client's life
 */
public record WsSubscription(int key, String channel) {}
