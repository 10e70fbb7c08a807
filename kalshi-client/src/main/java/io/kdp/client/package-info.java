/** Kalshi Trade API v2: wire records, codec, REST and WebSocket clients, request signing. */
package io.kdp.client;
