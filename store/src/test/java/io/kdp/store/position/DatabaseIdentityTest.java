package io.kdp.store.position;

import static org.assertj.core.api.Assertions.assertThat;

import io.kdp.store.StoreDatabases;
import io.kdp.testkit.TestDatabase;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class DatabaseIdentityTest {

  @Test
  void eachDatabaseHasItsOwnStableIdentity() throws Exception {
    TestDatabase one = StoreDatabases.migrated();
    TestDatabase two = StoreDatabases.migrated();
    DatabaseIdentity first = read(one);
    DatabaseIdentity again = read(one);
    DatabaseIdentity other = read(two);

    assertThat(again.databaseId()).isEqualTo(first.databaseId());
    assertThat(other.databaseId()).isNotEqualTo(first.databaseId());
    assertThat(first.systemId()).as("the tests connect as the superuser").isNotNull();
    assertThat(other.systemId()).as("one server").isEqualTo(first.systemId());

    Position read = new Position(first.nextTxid() - 1, 5);
    assertThat(again.continues(first.databaseId(), first.systemId(), read)).isTrue();
    assertThat(again.continues(first.databaseId(), null, read)).isTrue();
    assertThat(other.continues(first.databaseId(), first.systemId(), read))
        .as("another database")
        .isFalse();
    assertThat(again.continues(first.databaseId(), "42", read)).as("another server").isFalse();
    assertThat(
            again.continues(
                first.databaseId(), first.systemId(), new Position(again.nextTxid() + 10, 1)))
        .as("a position this database has not reached: restored from an older copy")
        .isFalse();
  }

  private static DatabaseIdentity read(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      return DatabaseIdentity.read(c);
    }
  }
}
