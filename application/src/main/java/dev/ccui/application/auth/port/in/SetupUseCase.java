package dev.ccui.application.auth.port.in;

public interface SetupUseCase {

    /** Creates the first admin and signs them in; a conflict once any user exists. */
    Session setup(Credentials credentials);
}
