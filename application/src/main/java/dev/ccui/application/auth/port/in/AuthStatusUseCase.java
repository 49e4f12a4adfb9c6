package dev.ccui.application.auth.port.in;

public interface AuthStatusUseCase {

    /** True until the first admin exists. */
    boolean setupRequired();
}
