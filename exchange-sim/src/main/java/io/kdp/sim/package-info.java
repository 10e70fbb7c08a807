/**
 * A Kalshi exchange that speaks the real REST and WebSocket API: {@link
 * io.kdp.sim.ExchangeSimulator} wires the world ({@code world/}), REST ({@code rest/}), WebSocket
 * ({@code ws/}), auth ({@code auth/}), faults ({@code fault/}) and the ground-truth journal ({@code
 * journal/}).
 */
package io.kdp.sim;
