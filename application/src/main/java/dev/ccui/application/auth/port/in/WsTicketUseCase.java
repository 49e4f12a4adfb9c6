package dev.ccui.application.auth.port.in;

import dev.ccui.domain.auth.Principal;
import java.util.Optional;

/** One-time tickets that let non-browser clients open a WebSocket without a token in the URL. */
public interface WsTicketUseCase {

    String issueTicket(Principal principal);

    /** The principal the ticket was issued to, once; empty if unknown, used or expired. */
    Optional<Principal> redeemTicket(String ticket);

    /**
     * Whether a connection opened with this principal may stay open: its session or key and its
     * account are still valid. Asked once a socket listens for revocations, so a revocation that
     * came between the upgrade and that moment is not missed.
     */
    default boolean stillValid(Principal principal) {
        return true;
    }
}
