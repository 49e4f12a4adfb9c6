package dev.ccui.adapters.persistence.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which statements wait for SQLite's one writer: anything that may change the file. */
class SqliteWriteQueueTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "INSERT INTO users (id) VALUES (:id)",
                "  update runs SET state = :state",
                "DELETE FROM api_keys WHERE id = ?",
                "-- a comment first\\nREPLACE INTO t VALUES (1)",
                "/* named */ INSERT INTO t VALUES (1)",
                "WITH gone AS (SELECT id FROM t) DELETE FROM u WHERE id IN gone",
                "CREATE TABLE t (x)",
                "PRAGMA wal_checkpoint(TRUNCATE)",
                "VACUUM",
            })
    void writesWaitForTheirTurn(String sql) {
        assertThat(SqliteWriteQueue.writes(sql.replace("\\n", "\n"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "SELECT * FROM sessions WHERE project_id = :p",
                "\n  select count(*) from runs",
                "(SELECT 1) UNION (SELECT 2)",
                "WITH recent AS (SELECT * FROM runs) SELECT * FROM recent",
                "-- what was updated\\nSELECT updated_at FROM runs",
                "EXPLAIN QUERY PLAN SELECT 1",
                "",
            })
    void readsNeverWait(String sql) {
        assertThat(SqliteWriteQueue.writes(sql.replace("\\n", "\n"))).isFalse();
    }
}
