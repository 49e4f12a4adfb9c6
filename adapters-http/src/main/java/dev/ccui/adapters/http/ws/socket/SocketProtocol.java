package dev.ccui.adapters.http.ws.socket;

import dev.ccui.domain.events.AppEvent;

/**
 * What one endpoint speaks over an open {@link JsonSocket}: everything else (the upgrade, slots,
 * pings, the outbound queue, revocation, closing) is the {@link JsonSocketServer}'s.
 */
public interface SocketProtocol {

    /** One text frame from the client, in arrival order. */
    void received(String text);

    /** A change for this caller (revocations are handled before it gets here). */
    default void changed(AppEvent event) {}

    /** The socket is gone, whatever the cause; called once. Release what the protocol holds. */
    void closed();
}
