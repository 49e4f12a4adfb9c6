package dev.ccui.bootstrap.config;

import dev.ccui.application.ratelimit.port.out.RateLimit;
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
public record AccountsConfig(Optional<String> jwtSecret, List<String> previousJwtSecrets, Duration jwtTtl, int bcryptCost,
                             RateLimit loginPerUsername, Optional<String> setupCode) {
    public AccountsConfig {
        previousJwtSecrets = List.copyOf(previousJwtSecrets);
    }

    @Override
    public String toString() {
        return "jwtSecret=" + (jwtSecret.isPresent() ? "set" : "generated") + " (previous " + previousJwtSecrets.size()
                + "), jwtTtl=" + jwtTtl + ", auth=" + loginPerUsername.capacity() + "/" + loginPerUsername.period()
                + ", bcryptCost=" + bcryptCost;
    }
}
