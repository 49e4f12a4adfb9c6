package dev.ccui.domain.push;

import java.util.Arrays;
import java.util.Objects;

/**
 * The server's VAPID key pair (RFC 8292): browsers bind a subscription to {@code publicKey}
 * (base64url, uncompressed P-256 point), and every message is signed with the private key
 * ({@code privateKeyPkcs8}, DER). The private key never leaves the server: {@link #toString()}
 * leaves it out so no log line can carry it.
 */
public record VapidKeys(String publicKey, byte[] privateKeyPkcs8) {
    public VapidKeys {
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(privateKeyPkcs8, "privateKeyPkcs8");
        privateKeyPkcs8 = privateKeyPkcs8.clone();
    }

    @Override
    public byte[] privateKeyPkcs8() {
        return privateKeyPkcs8.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VapidKeys keys
                && keys.publicKey.equals(publicKey)
                && Arrays.equals(keys.privateKeyPkcs8, privateKeyPkcs8);
    }

    @Override
    public int hashCode() {
        return publicKey.hashCode();
    }

    @Override
    public String toString() {
        return "VapidKeys[publicKey=" + publicKey + ", privateKey=(hidden)]";
    }
}
