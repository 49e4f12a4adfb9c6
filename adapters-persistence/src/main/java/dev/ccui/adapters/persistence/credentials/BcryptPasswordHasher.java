package dev.ccui.adapters.persistence.credentials;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import at.favre.lib.crypto.bcrypt.Radix64Encoder;
import dev.ccui.application.user.port.out.PasswordHasher;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

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
        this.decoy = decoy(cost);
    }

    /**
     * A well-formed hash at this cost that no password matches: verifying against it costs what a
     * real check costs (unknown usernames answer as slowly as wrong passwords), and making it costs
     * nothing — hashing a random password here put a whole bcrypt round on every start-up.
     */
    static String decoy(int cost) {
        SecureRandom random = new SecureRandom();
        byte[] salt = new byte[16];
        byte[] digest = new byte[23];
        random.nextBytes(salt);
        random.nextBytes(digest);
        Radix64Encoder radix64 = new Radix64Encoder.Default();
        return "$2a$" + (cost < 10 ? "0" : "") + cost + "$"
                + new String(radix64.encode(salt), StandardCharsets.UTF_8)
                + new String(radix64.encode(digest), StandardCharsets.UTF_8);
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
        BCrypt.Verifyer verifyer = BCrypt.verifyer(
                BCrypt.Version.VERSION_2A, LongPasswordStrategies.hashSha512(BCrypt.Version.VERSION_2A));
        try {
            return verifyer.verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8))
                    .verified;
        } catch (IllegalArgumentException malformedHash) {
            return false;
        }
    }

    @Override
    public String decoyHash() {
        return decoy;
    }
}
