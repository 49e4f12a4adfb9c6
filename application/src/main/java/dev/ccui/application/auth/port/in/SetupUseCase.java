package dev.ccui.application.auth.port.in;

public interface SetupUseCase {

    /** Creates the first admin and signs them in; a conflict once any user exists. */
    Session setup(Credentials credentials);

    /**
     * The same, with the one-time set-up code the server printed in its log: required when it
     * listens beyond loopback or behind a proxy, so the first admin is never whoever comes first.
     */
    default Session setup(Credentials credentials, String setupCode) {
        return setup(credentials);
    }
}
