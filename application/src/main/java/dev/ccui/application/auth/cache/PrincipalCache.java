package dev.ccui.application.auth.cache;

import dev.ccui.application.events.port.out.EventBus;
import dev.ccui.domain.apikey.ApiKeyId;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.events.AppEvent;
import dev.ccui.domain.user.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Who a presented credential (a bearer token or an API key) belongs to, remembered for a moment:
 * a steady stream of requests then costs no database round trip and no signature check.
 *
 * <p>Two rules keep revocation as fast as before. On this node every write that can revoke
 * access (a token revoked, a user changed or deleted, an API key deleted) goes through the
 * repositories of this package, which forget the affected entries before they return, so the
 * next request is checked afresh. What this node cannot see — another node, or {@code ccui users}
 * run beside the server — is bounded by the lifetime: an entry is never used past {@code ttl}
 * (one second by default), the delay revocation is promised within. Only successful look-ups are
 * kept; a refused credential is checked every time.
 */
public final class PrincipalCache {
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(1);
    /** Past this many entries the cache starts over: a bound on memory, not a policy. */
    static final int MAX_ENTRIES = 50_000;

    private record Entry(Principal principal, Instant until) {}

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration ttl;

    public PrincipalCache(Clock clock, Duration ttl) {
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("a cache lifetime cannot be negative");
        }
        this.clock = clock;
        this.ttl = ttl;
    }

    Optional<Principal> get(String credential) {
        Entry entry = entries.get(credential);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.until())) {
            entries.remove(credential, entry);
            return Optional.empty();
        }
        return Optional.of(entry.principal());
    }

    void put(String credential, Principal principal) {
        if (ttl.isZero()) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(credential, new Entry(principal, clock.instant().plus(ttl)));
    }

    /** Forgets every credential of the user: signed out everywhere, changed, disabled or deleted. */
    public void forgetUser(UserId userId) {
        forget(principal -> principal.userId().equals(userId));
    }

    public void forgetToken(String tokenId) {
        forget(principal -> tokenId.equals(principal.tokenId()));
    }

    public void forgetApiKey(ApiKeyId apiKeyId) {
        forget(principal -> apiKeyId.equals(principal.apiKeyId()));
    }

    /**
     * Revocations announced on the event bus (by this node or, through Redis, by another) drop the
     * user's entries at once, so the lifetime only bounds what no node announced ({@code ccui users}).
     */
    public AutoCloseable forgetOnRevocations(EventBus bus) {
        return bus.subscribe(event -> {
            if (event instanceof AppEvent.AccessRevoked revoked && revoked.userId() != null) {
                forgetUser(revoked.userId());
            }
        });
    }

    int size() {
        return entries.size();
    }

    private void forget(Predicate<Principal> affected) {
        entries.values().removeIf(entry -> affected.test(entry.principal()));
    }
}
