package dev.ccui.application.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.application.testing.InMemoryAuthTokenRepository;
import dev.ccui.application.testing.MutableClock;
import dev.ccui.domain.auth.TokenClaims;
import dev.ccui.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExpiredTokenPurgeTest {

    @Test
    void expiredTokensAreForgottenAndLiveOnesStay() {
        var clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        var tokens = new InMemoryAuthTokenRepository();
        UserId user = UserId.random();
        tokens.record(
                new TokenClaims("short", user, clock.instant(), clock.instant().plus(Duration.ofHours(1))));
        tokens.record(
                new TokenClaims("long", user, clock.instant(), clock.instant().plus(Duration.ofDays(7))));

        clock.advance(Duration.ofHours(2));
        new ExpiredTokenPurge(tokens, clock).run();

        assertThat(tokens.purgeExpired(clock.instant()))
                .as("nothing left to purge")
                .isZero();
        assertThat(tokens.activeOwner("long", clock.instant())).contains(user);
    }
}
