package dev.ccui.application.auth.port.out;

public interface PasswordHasher {

    String hash(String password);

    boolean verify(String password, String hash);

    /**
     * A valid hash of a password nobody knows, verified against when the account does not exist,
     * so that a failed login costs the same time whether or not the username is real.
     */
    String decoyHash();
}
