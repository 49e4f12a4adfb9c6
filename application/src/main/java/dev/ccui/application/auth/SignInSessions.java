package dev.ccui.application.auth;

import dev.ccui.application.auth.port.out.AuthTokenRepository;
import dev.ccui.application.auth.port.out.SessionsEndedListener;
import dev.ccui.application.user.port.out.AccountSessions;
import dev.ccui.domain.user.UserId;
import java.time.Instant;

/** Account changes reaching sign-in: tokens revoked in the token store, listeners told the sessions ended. */
public final class SignInSessions implements AccountSessions {
    private final AuthTokenRepository tokens;
    private final SessionsEndedListener listener;

    public SignInSessions(AuthTokenRepository tokens, SessionsEndedListener listener) {
        this.tokens = tokens;
        this.listener = listener;
    }

    @Override
    public int revokeAll(UserId user, Instant at) {
        return tokens.revokeAllOf(user, null, at);
    }

    @Override
    public void ended(UserId user) {
        listener.sessionsEnded(user, null);
    }

    @Override
    public void rightsReduced(UserId user) {
        listener.rightsReduced(user);
    }
}
