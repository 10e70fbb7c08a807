package io.kdp.store.position;

/** A row read by a {@link PositionCursor}, with its position. */
public record Positioned<R>(Position position, R row) {}
