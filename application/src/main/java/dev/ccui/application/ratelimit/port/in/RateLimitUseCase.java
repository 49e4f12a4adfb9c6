package dev.ccui.application.ratelimit.port.in;

import dev.ccui.domain.ratelimit.RateLimit;
import java.time.Duration;

/** Counting a client's requests against a limit, for the transports that take requests. */
public interface RateLimitUseCase {

    /** Takes one request of {@code client} (its address, say) from what {@code limit} allows. */
    Admission admit(RateLimit limit, String client);

    /** Whether the request may go on; how many more may follow now, or when to try again. */
    record Admission(boolean allowed, long remaining, Duration retryAfter) {}
}
