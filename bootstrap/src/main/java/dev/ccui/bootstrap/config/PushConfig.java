package dev.ccui.bootstrap.config;

import dev.ccui.application.push.PushEndpointPolicy;
import java.time.Duration;
import java.util.List;

/**
 * Web Push.
 *
 * @param subject           {@code CCUI_PUSH_SUBJECT}: the contact push services see in the VAPID
 *                          token ({@code mailto:} or {@code https:})
 * @param serviceHosts      {@code CCUI_PUSH_SERVICE_HOSTS}: the push services endpoints may point
 *                          at (hosts, or {@code .suffix}es); the big browsers' by default
 * @param allowLoopbackHttp {@code CCUI_PUSH_ALLOW_LOOPBACK_HTTP}: also plain http on 127.0.0.1,
 *                          for tests with a local push service; refused in production
 * @param timeToLive        {@code CCUI_PUSH_TTL}: how long a push service keeps a message for an offline device
 */
public record PushConfig(String subject, List<String> serviceHosts, boolean allowLoopbackHttp, Duration timeToLive) {

    static PushConfig read(EnvironmentReader r, boolean production) {
        String subject = r.text("CCUI_PUSH_SUBJECT", "mailto:admin@localhost");
        if (!subject.startsWith("mailto:") && !subject.startsWith("https:")) {
            r.problem("CCUI_PUSH_SUBJECT must be a mailto: or https: URL (push services use it to reach the operator)");
            subject = "mailto:admin@localhost";
        }
        List<String> hosts = r.list("CCUI_PUSH_SERVICE_HOSTS");
        boolean loopback = r.bool("CCUI_PUSH_ALLOW_LOOPBACK_HTTP", false);
        if (loopback && production) {
            r.problem("CCUI_PUSH_ALLOW_LOOPBACK_HTTP is for tests: it is refused with CCUI_ENV=production");
        }
        Duration ttl = r.duration("CCUI_PUSH_TTL", Duration.ofHours(4));
        if (ttl.isNegative() || ttl.compareTo(Duration.ofDays(28)) > 0) {
            r.problem("CCUI_PUSH_TTL must be between 0s and 28d");
            ttl = Duration.ofHours(4);
        }
        return new PushConfig(subject, hosts.isEmpty() ? PushEndpointPolicy.KNOWN_PUSH_SERVICES : hosts, loopback, ttl);
    }

    public PushEndpointPolicy policy() {
        return new PushEndpointPolicy(serviceHosts, allowLoopbackHttp);
    }

    @Override
    public String toString() {
        return "push=" + serviceHosts + (allowLoopbackHttp ? "+loopback-http" : "");
    }
}
