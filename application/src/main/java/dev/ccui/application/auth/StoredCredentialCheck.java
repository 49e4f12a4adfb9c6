package dev.ccui.application.auth;

import dev.ccui.application.apikey.ApiKeySecrets;
import dev.ccui.application.apikey.port.out.ApiKeyRepository;
import dev.ccui.application.audit.Auditor;
import dev.ccui.application.auth.cache.CredentialCheck;
import dev.ccui.application.auth.port.out.AuthTokenRepository;
import dev.ccui.application.auth.port.out.TokenIssuer;
import dev.ccui.application.common.Secrets;
import dev.ccui.application.user.port.out.UserRepository;
import dev.ccui.domain.apikey.ApiKey;
import dev.ccui.domain.apikey.ApiKeyScope;
import dev.ccui.domain.audit.AuditAction;
import dev.ccui.domain.auth.AuthMethod;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.auth.TokenClaims;
import dev.ccui.domain.user.Role;
import dev.ccui.domain.user.User;
import dev.ccui.domain.user.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The full check of a request's credential against the stores: a token's signature, then its row
 * and its owner; an API key's prefix and hash, then its owner. This is what runs on every request
 * without a principal cache, and on a miss with one ({@code CachedAuthentication} sits in front).
 */
final class StoredCredentialCheck implements CredentialCheck {

    /** API keys are used often and are high-entropy: refresh lastUsedAt at most this often. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final UserRepository users;
    private final ApiKeyRepository apiKeys;
    private final AuthTokenRepository tokens;
    private final TokenIssuer issuer;
    private final Auditor auditor;
    private final Clock clock;

    StoredCredentialCheck(
            UserRepository users,
            ApiKeyRepository apiKeys,
            AuthTokenRepository tokens,
            TokenIssuer issuer,
            Auditor auditor,
            Clock clock) {
        this.users = users;
        this.apiKeys = apiKeys;
        this.tokens = tokens;
        this.issuer = issuer;
        this.auditor = auditor;
        this.clock = clock;
    }

    @Override
    public Optional<Principal> byToken(String token) {
        if (token == null || token.isBlank() || token.length() > 4096) {
            return Optional.empty();
        }
        Optional<TokenClaims> claims = issuer.verify(token);
        if (claims.isEmpty()) {
            return Optional.empty();
        }
        Optional<UserId> owner = tokens.activeOwner(claims.get().tokenId(), clock.instant());
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        if (!owner.get().equals(claims.get().userId())) {
            // Signed with our secret, yet naming someone else than the user the id was issued to:
            // the secret is known outside. Refuse, and say so where admins look.
            auditor.record(
                    AuditAction.TOKEN_FORGED,
                    owner.get(),
                    null,
                    claims.get().userId().toString(),
                    null,
                    false,
                    "token id issued to " + owner.get() + " presented as "
                            + claims.get().userId());
            return Optional.empty();
        }
        return users.findById(claims.get().userId())
                .filter(user -> !user.disabled())
                .map(user -> new Principal(
                        user.id(),
                        user.username(),
                        user.role(),
                        AuthMethod.BEARER,
                        claims.get().tokenId(),
                        null,
                        Set.of(),
                        user.capabilities()));
    }

    @Override
    public Optional<Principal> byApiKey(String presented) {
        Optional<String> prefix = ApiKeySecrets.prefixOf(presented);
        if (prefix.isEmpty()) {
            return Optional.empty();
        }
        Optional<ApiKey> key = apiKeys.findByPrefix(prefix.get())
                .filter(candidate -> Secrets.constantTimeEquals(candidate.secretHash(), Secrets.sha256Hex(presented)));
        if (key.isEmpty()) {
            return Optional.empty();
        }
        Optional<User> owner = users.findById(key.get().userId()).filter(user -> !user.disabled());
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant lastUsed = key.get().lastUsedAt();
        if (lastUsed == null || lastUsed.plus(LAST_USED_RESOLUTION).isBefore(now)) {
            apiKeys.touch(key.get().id(), now);
        }
        User user = owner.get();
        // An admin's key without the admin scope acts as a member everywhere, not only on admin routes.
        Role role = user.role() == Role.ADMIN && !key.get().scopes().contains(ApiKeyScope.ADMIN)
                ? Role.MEMBER
                : user.role();
        return Optional.of(new Principal(
                user.id(),
                user.username(),
                role,
                AuthMethod.API_KEY,
                null,
                key.get().id(),
                key.get().scopes(),
                user.capabilities()));
    }

    /** Asked past any cache: a socket that outlives its request must see a revocation at once. */
    boolean stillValid(Principal principal) {
        if (principal.tokenId() != null
                && !tokens.activeOwner(principal.tokenId(), clock.instant())
                        .map(principal.userId()::equals)
                        .orElse(false)) {
            return false;
        }
        if (principal.apiKeyId() != null
                && apiKeys.findById(principal.apiKeyId()).isEmpty()) {
            return false;
        }
        return users.findById(principal.userId())
                .filter(user -> !user.disabled())
                .isPresent();
    }
}
