package dev.ccui.application.auth;

import dev.ccui.application.auth.port.out.SessionsEndedListener;
import dev.ccui.application.events.port.out.EventBus;
import dev.ccui.domain.events.AppEvent;
import dev.ccui.domain.user.UserId;

/**
 * Sessions that end (logout, password change, disable, delete) or lose rights (demotion, a
 * capability taken) are told to this node's listener (its terminals) and announced on the event
 * bus, so every node closes the open connections opened with them (/ws, /ws/terminal, SSE).
 */
public final class RevocationAnnouncer implements SessionsEndedListener {
    private final SessionsEndedListener local;
    private final EventBus bus;

    public RevocationAnnouncer(SessionsEndedListener local, EventBus bus) {
        this.local = local;
        this.bus = bus;
    }

    @Override
    public void sessionEnded(UserId user, String tokenId) {
        local.sessionEnded(user, tokenId);
        bus.publish(new AppEvent.AccessRevoked(user, tokenId, null, null, false));
    }

    @Override
    public void sessionsEnded(UserId user, String keepTokenId) {
        local.sessionsEnded(user, keepTokenId);
        bus.publish(new AppEvent.AccessRevoked(user, null, keepTokenId, null, false));
    }

    @Override
    public void rightsReduced(UserId user) {
        local.rightsReduced(user);
        bus.publish(new AppEvent.AccessRevoked(user, null, null, null, true));
    }
}
