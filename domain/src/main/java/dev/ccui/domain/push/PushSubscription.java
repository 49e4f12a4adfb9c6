package dev.ccui.domain.push;

import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.user.UserId;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * One browser on one device that agreed to receive this user's notifications: where its push
 * service takes messages ({@code endpoint}) and the keys its messages are encrypted for (RFC
 * 8291: the browser's P-256 public key {@code p256dh} and the shared {@code auth} secret, both
 * base64url as the Push API gives them).
 *
 * @param device a name for the list in the settings (e.g. "Firefox on Android"), may be null
 */
public record PushSubscription(
        PushSubscriptionId id,
        UserId userId,
        String endpoint,
        String p256dh,
        String auth,
        String device,
        Instant createdAt) {
    public static final int MAX_ENDPOINT_LENGTH = 2048;
    public static final int MAX_DEVICE_LENGTH = 100;

    public PushSubscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(createdAt, "createdAt");
        if (endpoint == null || endpoint.isBlank() || endpoint.length() > MAX_ENDPOINT_LENGTH) {
            throw new InvalidException("endpoint", "endpoint must be a URL of at most 2048 characters");
        }
        byte[] key = decode(p256dh, "keys.p256dh");
        // An uncompressed P-256 point: 0x04, then x and y of 32 bytes each.
        if (key.length != 65 || key[0] != 4) {
            throw new InvalidException("keys.p256dh", "p256dh must be an uncompressed P-256 public key");
        }
        if (decode(auth, "keys.auth").length != 16) {
            throw new InvalidException("keys.auth", "auth must be a 16-byte secret");
        }
        if (device != null) {
            device = device.strip();
            if (device.isEmpty()) {
                device = null;
            } else if (device.length() > MAX_DEVICE_LENGTH || device.chars().anyMatch(Character::isISOControl)) {
                throw new InvalidException("device", "device must be at most 100 printable characters");
            }
        }
    }

    private static byte[] decode(String text, String field) {
        if (text == null || text.isEmpty() || text.length() > 200) {
            throw new InvalidException(field, field + " is required (base64url)");
        }
        try {
            return Base64.getUrlDecoder().decode(text.replace("=", ""));
        } catch (IllegalArgumentException e) {
            throw new InvalidException(field, field + " must be base64url");
        }
    }

    /** The same browser with the keys it gave again (a browser renews them at will). */
    public PushSubscription withKeys(String newP256dh, String newAuth, String newDevice) {
        return new PushSubscription(id, userId, endpoint, newP256dh, newAuth, newDevice, createdAt);
    }
}
