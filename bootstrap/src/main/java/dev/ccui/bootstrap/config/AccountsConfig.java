package dev.ccui.bootstrap.config;

import dev.ccui.domain.ratelimit.RateLimit;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Sign-in and sessions.
 *
 * @param jwtSecret          {@code JWT_SECRET}; unset, one is generated into the data dir
 * @param previousJwtSecrets {@code JWT_SECRET_PREVIOUS}: still verify the tokens they signed while a rotation runs
 * @param loginPerUsername   failed sign-ins per account name within a window
 * @param setupCode          {@code CCUI_SETUP_CODE}: the first admin's one-time code, preset by the operator
 */
public record AccountsConfig(
        Optional<String> jwtSecret,
        List<String> previousJwtSecrets,
        Duration jwtTtl,
        int bcryptCost,
        RateLimit loginPerUsername,
        Optional<String> setupCode) {
    public AccountsConfig {
        previousJwtSecrets = List.copyOf(previousJwtSecrets);
    }

    /** At least this many characters in every JWT secret (production requires one). */
    public static final int MIN_SECRET = 32;

    /** @param loginPerUsername from {@code CCUI_AUTH_RATE_LIMIT}, which also limits each client address */
    static AccountsConfig read(EnvironmentReader r, boolean production, RateLimit loginPerUsername) {
        Optional<String> jwtSecret = r.optional("JWT_SECRET");
        if (production && jwtSecret.isEmpty()) {
            r.problem("JWT_SECRET is required in production (at least " + MIN_SECRET + " random characters)");
        } else if (production && jwtSecret.get().length() < MIN_SECRET) {
            r.problem("JWT_SECRET must have at least " + MIN_SECRET + " characters in production");
        } else if (jwtSecret.isPresent() && jwtSecret.get().length() < MIN_SECRET) {
            r.problem("JWT_SECRET must have at least " + MIN_SECRET + " characters (or leave it unset in development)");
        }
        List<String> previous = r.list("JWT_SECRET_PREVIOUS");
        for (String secret : previous) {
            if (secret.length() < MIN_SECRET) {
                r.problem("each JWT_SECRET_PREVIOUS entry must have at least " + MIN_SECRET + " characters");
            }
        }
        Duration jwtTtl = r.duration("JWT_TTL", Duration.ofDays(7));
        if (jwtTtl.compareTo(Duration.ofMinutes(5)) < 0 || jwtTtl.compareTo(Duration.ofDays(90)) > 0) {
            r.problem("JWT_TTL must be between 5m and 90d");
        }
        int bcryptCost = r.integer("CCUI_BCRYPT_COST", 12, 4, 16);
        Optional<String> setupCode = r.optional("CCUI_SETUP_CODE");
        if (setupCode.isPresent() && setupCode.get().strip().length() < 12) {
            r.problem("CCUI_SETUP_CODE must have at least 12 characters");
        }
        return new AccountsConfig(jwtSecret, previous, jwtTtl, bcryptCost, loginPerUsername, setupCode);
    }

    @Override
    public String toString() {
        return "jwtSecret=" + (jwtSecret.isPresent() ? "set" : "generated") + " (previous " + previousJwtSecrets.size()
                + "), jwtTtl=" + jwtTtl + ", auth=" + loginPerUsername.capacity() + "/" + loginPerUsername.period()
                + ", bcryptCost=" + bcryptCost;
    }
}
