package dev.ccui.adapters.persistence.push;

import static dev.ccui.adapters.persistence.db.Rows.instant;
import static dev.ccui.adapters.persistence.db.Rows.millis;

import dev.ccui.application.push.port.out.PushSubscriptionStore;
import dev.ccui.domain.push.PushSubscription;
import dev.ccui.domain.push.PushSubscriptionId;
import dev.ccui.domain.push.PushTopic;
import dev.ccui.domain.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** {@code push_subscriptions} and {@code push_preferences}; upserts read the same on SQLite and PostgreSQL. */
public final class JdbiPushSubscriptionStore implements PushSubscriptionStore {
    private static final String COLUMNS = "id, user_id, endpoint, p256dh, auth, device, created_at";

    private final Jdbi jdbi;

    public JdbiPushSubscriptionStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<PushSubscription> findByEndpoint(UserId userId, String endpoint) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM push_subscriptions WHERE user_id = :userId AND endpoint = :endpoint")
                .bind("userId", userId.toString())
                .bind("endpoint", endpoint)
                .map(JdbiPushSubscriptionStore::map)
                .findOne());
    }

    @Override
    public void save(PushSubscription s) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO push_subscriptions (" + COLUMNS
                        + ") VALUES (:id, :userId, :endpoint, :p256dh, :auth, :device, :createdAt)"
                        + " ON CONFLICT (id) DO UPDATE SET p256dh = excluded.p256dh, auth = excluded.auth,"
                        + " device = excluded.device")
                .bind("id", s.id().toString())
                .bind("userId", s.userId().toString())
                .bind("endpoint", s.endpoint())
                .bind("p256dh", s.p256dh())
                .bind("auth", s.auth())
                .bind("device", s.device())
                .bind("createdAt", millis(s.createdAt()))
                .execute());
    }

    @Override
    public List<PushSubscription> listByUser(UserId userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM push_subscriptions WHERE user_id = :userId ORDER BY created_at, id")
                .bind("userId", userId.toString())
                .map(JdbiPushSubscriptionStore::map)
                .list());
    }

    @Override
    public boolean delete(PushSubscriptionId id, UserId userId) {
        return jdbi.withHandle(
                        h -> h.createUpdate("DELETE FROM push_subscriptions WHERE id = :id AND user_id = :userId")
                                .bind("id", id.toString())
                                .bind("userId", userId.toString())
                                .execute())
                == 1;
    }

    @Override
    public void delete(PushSubscriptionId id) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM push_subscriptions WHERE id = :id")
                .bind("id", id.toString())
                .execute());
    }

    @Override
    public Optional<Set<PushTopic>> preferences(UserId userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT topics FROM push_preferences WHERE user_id = :userId")
                .bind("userId", userId.toString())
                .mapTo(String.class)
                .findOne()
                .map(JdbiPushSubscriptionStore::topics));
    }

    @Override
    public void savePreferences(UserId userId, Set<PushTopic> topics) {
        String joined = topics.stream().map(PushTopic::wireName).sorted().collect(Collectors.joining(","));
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO push_preferences (user_id, topics) VALUES (:userId, :topics)"
                        + " ON CONFLICT (user_id) DO UPDATE SET topics = excluded.topics")
                .bind("userId", userId.toString())
                .bind("topics", joined)
                .execute());
    }

    private static Set<PushTopic> topics(String joined) {
        Set<PushTopic> topics = EnumSet.noneOf(PushTopic.class);
        Arrays.stream(joined.split(","))
                .filter(name -> !name.isBlank())
                .forEach(name -> topics.add(PushTopic.fromWire(name)));
        return topics;
    }

    private static PushSubscription map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new PushSubscription(
                new PushSubscriptionId(UUID.fromString(rs.getString("id"))),
                new UserId(UUID.fromString(rs.getString("user_id"))),
                rs.getString("endpoint"),
                rs.getString("p256dh"),
                rs.getString("auth"),
                rs.getString("device"),
                instant(rs, "created_at"));
    }
}
