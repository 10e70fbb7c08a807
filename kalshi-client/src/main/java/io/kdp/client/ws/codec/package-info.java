/**
 * Kalshi WebSocket frames to and from the records of {@code io.kdp.client.ws.message}: {@link
 * io.kdp.client.ws.codec.WsFrameDecoder} (single-pass streaming for the hot types, never throws)
 * and {@link io.kdp.client.ws.codec.WsFrameEncoder} (the simulator's side).
 */
package io.kdp.client.ws.codec;
