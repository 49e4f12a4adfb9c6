package dev.ccui.adapters.http.security;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import dev.ccui.application.auth.port.out.PasswordHasher;
import dev.ccui.application.common.Secrets;
import java.nio.charset.StandardCharsets;

/**
 * bcrypt (2a) at a configurable cost. Passwords longer than bcrypt's 72-byte input are first
 * hashed with SHA-512 instead of being cut, so every character counts.
 */
public final class BcryptPasswordHasher implements PasswordHasher {
    private final int cost;
    private final String decoy;

    public BcryptPasswordHasher(int cost) {
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("bcrypt cost must be between 4 and 31");
        }
        this.cost = cost;
        this.decoy = hash(Secrets.urlSafe(24));
    }

    private BCrypt.Hasher hasher() {
        return BCrypt.with(BCrypt.Version.VERSION_2A, LongPasswordStrategies.hashSha512(BCrypt.Version.VERSION_2A));
    }

    @Override
    public String hash(String password) {
        return new String(hasher().hash(cost, password.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @Override
    public boolean verify(String password, String hash) {
        BCrypt.Verifyer verifyer = BCrypt.verifyer(BCrypt.Version.VERSION_2A,
                LongPasswordStrategies.hashSha512(BCrypt.Version.VERSION_2A));
        try {
            return verifyer.verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8)).verified;
        } catch (IllegalArgumentException malformedHash) {
            return false;
        }
    }

    @Override
    public String decoyHash() {
        return decoy;
    }
}
