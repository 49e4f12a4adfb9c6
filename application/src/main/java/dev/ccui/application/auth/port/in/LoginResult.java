package dev.ccui.application.auth.port.in;

/** A login either signs the user in or is rejected, without saying why to the caller. */
public sealed interface LoginResult {

    record Authenticated(Session session) implements LoginResult {
    }

    record Rejected() implements LoginResult {
    }
}
