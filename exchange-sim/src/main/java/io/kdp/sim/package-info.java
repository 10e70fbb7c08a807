/** A Kalshi exchange simulator that speaks the real REST and WebSocket API. */
package io.kdp.sim;
