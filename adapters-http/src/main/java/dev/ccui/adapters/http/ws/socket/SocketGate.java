package dev.ccui.adapters.http.ws.socket;

import dev.ccui.domain.auth.Principal;
import io.javalin.websocket.WsContext;

/** What decides whether an open socket may stay: a connection slot while it is open, and a sign-in that still holds. */
public interface SocketGate {

    /** Takes a slot for a socket that just opened; false when none is left (the gate has closed the socket). */
    boolean admit(WsContext ctx, Principal principal);

    /** Gives the slot of a socket that closed back. */
    void release(String socketId);

    /** Whether the caller's sign-in, key and account still allow an open connection. */
    boolean stillValid(Principal principal);
}
