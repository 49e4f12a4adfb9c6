package dev.ccui.application.auth.port.in;

import dev.ccui.domain.auth.Principal;
import java.util.Optional;

/** One-time tickets that let non-browser clients open a WebSocket without a token in the URL. */
public interface WsTicketUseCase {

    String issueTicket(Principal principal);

    /** The principal the ticket was issued to, once; empty if unknown, used or expired. */
    Optional<Principal> redeemTicket(String ticket);
}
