package dev.ccui.application.auth.port.out;

import dev.ccui.domain.user.UserId;

/**
 * Told when sign-in sessions end (logout, password change, an account disabled or deleted), so
 * what lives on behind a session (open terminals) ends with it.
 */
public interface SessionsEndedListener {
    SessionsEndedListener NONE = new SessionsEndedListener() {
        @Override
        public void sessionEnded(UserId user, String tokenId) {}

        @Override
        public void sessionsEnded(UserId user, String keepTokenId) {}
    };

    /** One session (token) was signed out. */
    void sessionEnded(UserId user, String tokenId);

    /**
     * Every session of the user ended but {@code keepTokenId} (when not null); with null, the
     * account itself is cut off (disabled or deleted), API-key use included.
     */
    void sessionsEnded(UserId user, String keepTokenId);

    /** The user may still sign in, with fewer rights than before (demoted, a capability taken away). */
    default void rightsReduced(UserId user) {}
}
