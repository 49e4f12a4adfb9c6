package dev.ccui.adapters.http.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Which driver failures are the storage being unavailable (503, retry) rather than a bug (500). */
class StorageFailuresTest {
    @Test
    void aBusyDatabaseIsUnavailableForAMomentWhereverItIsInTheChain() {
        var busy = new SQLException("database is locked: no turn to write within 10000 ms", "HY000", 5);
        assertThat(StorageFailures.classify(new IllegalStateException("wrapped", new RuntimeException(busy))))
                .contains(StorageFailures.Kind.DATABASE_UNAVAILABLE);
    }

    @Test
    void aLostConnectionIsUnavailableAndAFullDiskIsFull() {
        assertThat(StorageFailures.classify(new SQLTransientConnectionException("pool timeout")))
                .contains(StorageFailures.Kind.DATABASE_UNAVAILABLE);
        assertThat(StorageFailures.classify(new SQLException("database or disk is full", "HY000", 13)))
                .contains(StorageFailures.Kind.STORAGE_FULL);
    }

    @Test
    void anyOtherSqlFailureIsNotTheStorage() {
        assertThat(StorageFailures.classify(new SQLException("no such column: x", "HY000", 1)))
                .isEmpty();
        assertThat(StorageFailures.classify(new IllegalArgumentException("bad")))
                .isEmpty();
    }
}
