package dev.ccui.adapters.persistence.db;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/**
 * A PostgreSQL server that is not there at start: the start fails with the database's own reason,
 * from the pool's first connection, before any schema check or migration would try again (Flyway
 * then waited as long a second time and answered with its own message).
 */
class DatabaseUnreachableIT {
    @Test
    void anUnreachableDatabaseFailsTheStartWithItsReason() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort(); // closed again: nothing listens there
        }
        DatabaseSettings settings = DatabaseSettings.fromUrl("postgresql://ccui@127.0.0.1:" + port + "/ccui", 2);

        assertThatThrownBy(() -> Database.open(settings))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the database cannot be reached: ")
                .hasMessageContaining("refused");
    }
}
