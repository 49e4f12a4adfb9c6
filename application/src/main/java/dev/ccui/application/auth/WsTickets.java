package dev.ccui.application.auth;

import dev.ccui.application.apikey.port.out.ApiKeyRepository;
import dev.ccui.application.auth.port.out.AuthTokenRepository;
import dev.ccui.application.common.Secrets;
import dev.ccui.application.user.port.out.UserRepository;
import dev.ccui.domain.auth.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One-time WebSocket tickets, kept in memory only: a non-browser client trades its credential for
 * a short-lived value it may put in the socket URL, where a token or key would end up in logs.
 * A ticket is redeemed once and never outlives what asked for it.
 */
final class WsTickets {
    private final UserRepository users;
    private final ApiKeyRepository apiKeys;
    private final AuthTokenRepository tokens;
    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Ticket> tickets = new ConcurrentHashMap<>();

    WsTickets(UserRepository users, ApiKeyRepository apiKeys, AuthTokenRepository tokens, Clock clock, Duration ttl) {
        this.users = users;
        this.apiKeys = apiKeys;
        this.tokens = tokens;
        this.clock = clock;
        this.ttl = ttl;
    }

    String issue(Principal principal) {
        Instant now = clock.instant();
        tickets.values().removeIf(ticket -> ticket.expiresAt().isBefore(now));
        String value = Secrets.urlSafe(32);
        tickets.put(value, new Ticket(principal, now.plus(ttl)));
        return value;
    }

    Optional<Principal> redeem(String value) {
        if (value == null) {
            return Optional.empty();
        }
        Ticket ticket = tickets.remove(value);
        Instant now = clock.instant();
        if (ticket == null || ticket.expiresAt().isBefore(now)) {
            return Optional.empty();
        }
        Principal asked = ticket.principal();
        // A ticket lives no longer than what asked for it: the session (logged out, password
        // changed) or the API key (revoked), and the account (disabled, deleted).
        if (asked.tokenId() != null
                && !tokens.activeOwner(asked.tokenId(), now)
                        .map(asked.userId()::equals)
                        .orElse(false)) {
            return Optional.empty();
        }
        if (asked.apiKeyId() != null
                && apiKeys.findById(asked.apiKeyId())
                        .filter(key -> key.userId().equals(asked.userId()))
                        .isEmpty()) {
            return Optional.empty();
        }
        // The same user, scopes and session, with the role they have now (a demoted admin is a member).
        return users.findById(asked.userId())
                .filter(user -> !user.disabled())
                .map(user -> new Principal(
                        user.id(),
                        user.username(),
                        user.role(),
                        asked.method(),
                        asked.tokenId(),
                        asked.apiKeyId(),
                        asked.scopes(),
                        user.capabilities()));
    }

    /** Drops the unredeemed tickets of a session that was signed out, so none of them is left waiting. */
    void forgetSession(String tokenId) {
        tickets.values().removeIf(ticket -> tokenId.equals(ticket.principal().tokenId()));
    }

    private record Ticket(Principal principal, Instant expiresAt) {}
}
