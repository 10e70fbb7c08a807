package io.kdp.gatherer.journal;

/** Where the {@link JournalLoader} sends records: the message router in the gatherer. */
public interface JournalSink {

  /** Takes one record (not yet durable). */
  void accept(long offset, JournalRecord record);

  /** Returns once everything accepted so far is committed to the database. */
  void commit();
}
