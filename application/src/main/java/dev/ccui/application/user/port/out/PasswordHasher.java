package dev.ccui.application.user.port.out;

/** Password hashes as stored on accounts; sign-in verifies against them. */
public interface PasswordHasher {

    String hash(String password);

    boolean verify(String password, String hash);

    /**
     * A valid hash of a password nobody knows, verified against when the account does not exist,
     * so that a failed login costs the same time whether or not the username is real.
     */
    String decoyHash();
}
