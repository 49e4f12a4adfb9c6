package dev.ccui.bootstrap.components;

import dev.ccui.adapters.persistence.apikey.JdbiApiKeyRepository;
import dev.ccui.adapters.persistence.auth.JdbiAuthTokenRepository;
import dev.ccui.adapters.persistence.redis.RedisRevocationCache;
import dev.ccui.adapters.persistence.user.JdbiUserRepository;
import dev.ccui.application.apikey.port.out.ApiKeyRepository;
import dev.ccui.application.auth.cache.ForgettingApiKeyRepository;
import dev.ccui.application.auth.cache.ForgettingTokenRepository;
import dev.ccui.application.auth.cache.ForgettingUserRepository;
import dev.ccui.application.auth.cache.PrincipalCache;
import dev.ccui.application.auth.port.out.AuthTokenRepository;
import dev.ccui.application.user.port.out.UserRepository;
import java.time.Clock;

/**
 * The accounts' repositories, opened before the features that read them (projects, history,
 * workspaces) and before the account services, which need those features' terminals to end.
 * Who a credential belongs to is remembered for a second; every local write that revokes access
 * goes through the Forgetting* repositories, which drop the affected entries.
 */
public final class AccountStore implements AutoCloseable {
    private final PrincipalCache principals;
    private final UserRepository users;
    private final ApiKeyRepository apiKeys;
    private final AuthTokenRepository storedTokens;
    private final AuthTokenRepository tokens;

    private AccountStore(Storage storage, Clock clock) {
        var jdbi = storage.database().jdbi();
        this.principals = new PrincipalCache(clock, PrincipalCache.DEFAULT_TTL);
        this.users = new ForgettingUserRepository(new JdbiUserRepository(jdbi), principals);
        this.apiKeys = new ForgettingApiKeyRepository(new JdbiApiKeyRepository(jdbi), principals);
        var jdbiTokens = new JdbiAuthTokenRepository(jdbi);
        // With Redis, revoked tokens are known to every node at once, and to this one while the database is slow.
        this.storedTokens = storage.redis()
                .<AuthTokenRepository>map(redis -> new RedisRevocationCache(jdbiTokens, jdbi, redis))
                .orElse(jdbiTokens);
        this.tokens = new ForgettingTokenRepository(storedTokens, principals);
    }

    public static AccountStore open(Storage storage, Clock clock) {
        return new AccountStore(storage, clock);
    }

    public PrincipalCache principals() {
        return principals;
    }

    public UserRepository users() {
        return users;
    }

    public ApiKeyRepository apiKeys() {
        return apiKeys;
    }

    /** Session tokens; revoking one drops it from the principal cache. */
    public AuthTokenRepository tokens() {
        return tokens;
    }

    @Override
    public void close() {
        if (storedTokens instanceof AutoCloseable listener) {
            try {
                listener.close();
            } catch (Exception e) {
                // The Redis revocation listener, closed on the way out: nothing left to protect.
            }
        }
    }
}
