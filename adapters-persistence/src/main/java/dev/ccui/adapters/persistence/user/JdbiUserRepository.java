package dev.ccui.adapters.persistence.user;

import static dev.ccui.adapters.persistence.db.Rows.flag;
import static dev.ccui.adapters.persistence.db.Rows.instant;
import static dev.ccui.adapters.persistence.db.Rows.millis;

import dev.ccui.application.user.port.out.UserRepository;
import dev.ccui.domain.user.Capability;
import dev.ccui.domain.user.Role;
import dev.ccui.domain.user.User;
import dev.ccui.domain.user.UserId;
import dev.ccui.domain.user.Username;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.Update;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

public final class JdbiUserRepository implements UserRepository {
    private static final String COLUMNS =
            "id, username, role, disabled, password_hash, created_at, updated_at, last_login_at, capabilities";
    private static final String VALUES =
            ":id, :username, :role, :disabled, :passwordHash, :createdAt, :updatedAt, :lastLoginAt, :capabilities";

    private final Jdbi jdbi;

    public JdbiUserRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public boolean insert(User user) {
        return jdbi.withHandle(h -> bind(
                                h.createUpdate("INSERT INTO users (" + COLUMNS + ") VALUES (" + VALUES
                                        + ") ON CONFLICT DO NOTHING"),
                                user)
                        .execute())
                == 1;
    }

    @Override
    public boolean insertFirst(User user) {
        // Serializable, so that of two setups racing on separate nodes only one commits; the
        // loser's serialization failure means "someone else was first".
        try {
            return jdbi.inTransaction(
                            TransactionIsolationLevel.SERIALIZABLE,
                            h -> bind(
                                            h.createUpdate("INSERT INTO users (" + COLUMNS + ") SELECT " + VALUES
                                                    + " WHERE NOT EXISTS (SELECT 1 FROM users) ON CONFLICT DO NOTHING"),
                                            user)
                                    .execute())
                    == 1;
        } catch (JdbiException e) {
            if (count() > 0) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<User> findById(UserId id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM users WHERE id = :id")
                .bind("id", id.toString())
                .map(JdbiUserRepository::map)
                .findOne());
    }

    @Override
    public Optional<User> findByUsername(Username username) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM users WHERE username = :username")
                .bind("username", username.value())
                .map(JdbiUserRepository::map)
                .findOne());
    }

    @Override
    public List<User> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM users ORDER BY username")
                .map(JdbiUserRepository::map)
                .list());
    }

    @Override
    public long count() {
        return jdbi.withHandle(h ->
                h.createQuery("SELECT COUNT(*) FROM users").mapTo(Long.class).one());
    }

    @Override
    public long countActiveAdmins() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM users WHERE role = :role AND disabled = 0")
                .bind("role", Role.ADMIN.wireName())
                .mapTo(Long.class)
                .one());
    }

    @Override
    public void update(User user) {
        jdbi.useHandle(h -> bind(
                        h.createUpdate("UPDATE users SET username = :username, role = :role, disabled = :disabled, "
                                + "password_hash = :passwordHash, updated_at = :updatedAt, last_login_at = :lastLoginAt, capabilities = :capabilities "
                                + "WHERE id = :id"),
                        user)
                .execute());
    }

    @Override
    public void recordLogin(UserId id, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE users SET last_login_at = :at WHERE id = :id")
                .bind("at", millis(at))
                .bind("id", id.toString())
                .execute());
    }

    @Override
    public boolean delete(UserId id) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM users WHERE id = :id")
                        .bind("id", id.toString())
                        .execute())
                == 1;
    }

    private static Update bind(Update update, User user) {
        return update.bind("id", user.id().toString())
                .bind("username", user.username().value())
                .bind("role", user.role().wireName())
                .bind("disabled", flag(user.disabled()))
                .bind("passwordHash", user.passwordHash())
                .bind("createdAt", millis(user.createdAt()))
                .bind("updatedAt", millis(user.updatedAt()))
                .bind("lastLoginAt", millis(user.lastLoginAt()))
                .bind(
                        "capabilities",
                        String.join(
                                ",",
                                user.capabilities().stream()
                                        .map(Capability::wireName)
                                        .sorted()
                                        .toList()));
    }

    private static User map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new User(
                new UserId(UUID.fromString(rs.getString("id"))),
                new Username(rs.getString("username")),
                Role.fromWire(rs.getString("role")),
                flag(rs, "disabled"),
                rs.getString("password_hash"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                instant(rs, "last_login_at"),
                capabilities(rs.getString("capabilities")));
    }

    private static Set<Capability> capabilities(String stored) {
        Set<Capability> set = EnumSet.noneOf(Capability.class);
        if (stored != null) {
            for (String name : stored.split(",")) {
                if (!name.isBlank()) {
                    try {
                        set.add(Capability.fromWire(name.strip()));
                    } catch (RuntimeException unknown) {
                        // A capability a newer version stored: not granted here.
                    }
                }
            }
        }
        return set;
    }
}
