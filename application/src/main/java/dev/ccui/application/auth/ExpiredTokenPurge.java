package dev.ccui.application.auth;

import dev.ccui.application.auth.port.out.AuthTokenRepository;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets session tokens past their expiry: they can no longer sign anyone in, and the table
 * would otherwise grow with every sign-in. Run periodically; a failed run waits for the next.
 */
public final class ExpiredTokenPurge implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ExpiredTokenPurge.class);

    private final AuthTokenRepository tokens;
    private final Clock clock;

    public ExpiredTokenPurge(AuthTokenRepository tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    public void run() {
        try {
            int purged = tokens.purgeExpired(clock.instant());
            if (purged > 0) {
                LOG.info("forgot {} expired session token(s)", purged);
            }
        } catch (RuntimeException e) {
            LOG.warn("could not purge expired tokens: {}", e.getMessage());
        }
    }
}
