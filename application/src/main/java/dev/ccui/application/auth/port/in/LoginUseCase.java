package dev.ccui.application.auth.port.in;

public interface LoginUseCase {

    LoginResult login(Credentials credentials);
}
