package dev.ccui.domain.push;

import java.util.Objects;

/**
 * What a device shows. {@code url} is the app-relative link a click opens (the session); {@code
 * tag} lets a newer notification of the same session replace an older one on the device.
 */
public record PushNotification(PushTopic topic, String title, String body, String url, String tag) {
    public PushNotification {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(title, "title");
        body = body == null ? "" : body;
        Objects.requireNonNull(url, "url");
    }
}
