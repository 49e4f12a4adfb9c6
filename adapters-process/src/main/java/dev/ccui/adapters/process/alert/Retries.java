package dev.ccui.adapters.process.alert;

import java.time.Duration;
import org.slf4j.Logger;

/** The delivery loop both alert sinks share: up to N attempts, the pause doubling between them. */
final class Retries {
    /** What one attempt came to: {@code null} for delivered, else why not and whether trying again can help. */
    record Failure(String outcome, boolean permanent) {}

    /** How the delivery ended: delivered, given up (with the last failure and the attempts made), or interrupted. */
    record Result(boolean delivered, boolean interrupted, Failure last, int attempts) {}

    interface Attempt {
        Failure run(int attempt) throws InterruptedException;
    }

    private Retries() {}

    static Result deliver(
            Logger log, String channel, String fingerprint, int attempts, Duration firstPause, Attempt attempt) {
        Duration pause = firstPause;
        Failure last = null;
        for (int n = 1; n <= attempts; n++) {
            try {
                last = attempt.run(n);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result(false, true, last, n);
            }
            if (last == null) {
                return new Result(true, false, null, n);
            }
            if (last.permanent() || n == attempts) {
                return new Result(false, false, last, n);
            }
            log.info(
                    "{} attempt {} for {} failed ({}); retrying in {} ms",
                    channel,
                    n,
                    fingerprint,
                    last.outcome(),
                    pause.toMillis());
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result(false, true, last, n);
            }
            pause = pause.multipliedBy(2);
        }
        return new Result(false, false, last, attempts);
    }
}
