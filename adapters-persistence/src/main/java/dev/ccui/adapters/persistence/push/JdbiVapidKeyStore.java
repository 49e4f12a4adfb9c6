package dev.ccui.adapters.persistence.push;

import dev.ccui.application.push.port.out.VapidKeyStore;
import dev.ccui.domain.push.VapidKeys;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * The one row of {@code push_vapid_keys}. A node that finds none inserts its new pair with
 * {@code ON CONFLICT DO NOTHING} and reads again, so nodes starting together agree on the first
 * pair stored.
 */
public final class JdbiVapidKeyStore implements VapidKeyStore {
    private final Jdbi jdbi;
    private final Clock clock;

    public JdbiVapidKeyStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public VapidKeys loadOrCreate(Supplier<VapidKeys> generate) {
        Optional<VapidKeys> stored = load();
        if (stored.isPresent()) {
            return stored.get();
        }
        VapidKeys fresh = generate.get();
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO push_vapid_keys (id, public_key, private_key, created_at)"
                        + " VALUES (1, :publicKey, :privateKey, :at) ON CONFLICT (id) DO NOTHING")
                .bind("publicKey", fresh.publicKey())
                .bind("privateKey", Base64.getEncoder().encodeToString(fresh.privateKeyPkcs8()))
                .bind("at", clock.millis())
                .execute());
        return load().orElseThrow(() -> new IllegalStateException("the VAPID keys were not stored"));
    }

    private Optional<VapidKeys> load() {
        return jdbi.withHandle(h -> h.createQuery("SELECT public_key, private_key FROM push_vapid_keys WHERE id = 1")
                .map((rs, ctx) -> new VapidKeys(
                        rs.getString("public_key"), Base64.getDecoder().decode(rs.getString("private_key"))))
                .findOne());
    }
}
