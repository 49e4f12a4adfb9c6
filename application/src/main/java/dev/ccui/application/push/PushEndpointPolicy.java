package dev.ccui.application.push;

import dev.ccui.domain.error.InvalidException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * Which endpoints the server may send to. The endpoint comes from the caller, so it is a way to
 * make the server POST to an address of the caller's choosing: only https URLs of the known push
 * services pass ({@code serviceHosts}, each a host or a {@code .suffix}). Tests run a push
 * service on loopback, over plain http, which only {@code allowLoopbackHttp} lets through (the
 * configuration refuses it in production).
 */
public record PushEndpointPolicy(List<String> serviceHosts, boolean allowLoopbackHttp) {
    /** Chrome and Edge (FCM), Firefox (Mozilla autopush), Safari (Apple), Edge legacy (WNS). */
    public static final List<String> KNOWN_PUSH_SERVICES =
            List.of("fcm.googleapis.com", ".push.services.mozilla.com", ".push.apple.com", ".notify.windows.com");

    public PushEndpointPolicy {
        serviceHosts = serviceHosts.stream()
                .map(host -> host.strip().toLowerCase(Locale.ROOT))
                .filter(host -> !host.isEmpty())
                .toList();
    }

    /** Throws {@code 400 INVALID} (field {@code endpoint}) for an endpoint the server must not send to. */
    public URI check(String endpoint) {
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (URISyntaxException | NullPointerException e) {
            throw refused("endpoint must be a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.isEmpty() || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw refused("endpoint must be a plain URL of a push service");
        }
        if (scheme.equals("http") && allowLoopbackHttp && isLoopback(host)) {
            return uri;
        }
        if (!scheme.equals("https")) {
            throw refused("endpoint must be an https URL");
        }
        boolean known = serviceHosts.stream()
                .anyMatch(allowed -> allowed.startsWith(".") ? host.endsWith(allowed) : host.equals(allowed));
        if (!known) {
            throw refused("endpoint is not on a known push service (CCUI_PUSH_SERVICE_HOSTS)");
        }
        return uri;
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.equals("[::1]") || host.matches("127(\\.\\d{1,3}){3}");
    }

    private static InvalidException refused(String message) {
        return new InvalidException("endpoint", message);
    }
}
