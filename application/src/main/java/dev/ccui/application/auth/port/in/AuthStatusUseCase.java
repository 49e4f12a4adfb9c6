package dev.ccui.application.auth.port.in;

public interface AuthStatusUseCase {

    /** True until the first admin exists. */
    boolean setupRequired();

    /** True while setup is required and the server asks for its set-up code (not a loopback-only bind). */
    default boolean setupCodeRequired() {
        return false;
    }
}
