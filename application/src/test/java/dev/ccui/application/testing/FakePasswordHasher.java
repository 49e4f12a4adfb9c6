package dev.ccui.application.testing;

import dev.ccui.application.user.port.out.PasswordHasher;
import java.util.concurrent.atomic.AtomicInteger;

/** Reversible stand-in for bcrypt that counts verifications, for the constant-path tests. */
public final class FakePasswordHasher implements PasswordHasher {
    public final AtomicInteger verifications = new AtomicInteger();

    @Override
    public String hash(String password) {
        return "fake$" + new StringBuilder(password).reverse();
    }

    @Override
    public boolean verify(String password, String hash) {
        verifications.incrementAndGet();
        return hash.equals(hash(password));
    }

    @Override
    public String decoyHash() {
        return "fake$decoy-that-never-matches";
    }
}
