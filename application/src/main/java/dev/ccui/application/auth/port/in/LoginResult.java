package dev.ccui.application.auth.port.in;

/**
 * A login signs the user in, or is rejected without saying why, or, only once the password
 * checked out (so it tells nothing to someone guessing), says the account is disabled.
 */
public sealed interface LoginResult {

    record Authenticated(Session session) implements LoginResult {}

    record Rejected() implements LoginResult {}

    record Disabled() implements LoginResult {}
}
