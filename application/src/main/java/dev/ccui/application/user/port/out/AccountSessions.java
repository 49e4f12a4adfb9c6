package dev.ccui.application.user.port.out;

import dev.ccui.domain.user.UserId;
import java.time.Instant;

/**
 * The sign-in sessions of an account, which account changes end: revoked when its password
 * changes or it is disabled or deleted, and whatever lives on behind them told (open sockets and
 * terminals, other nodes' caches). Owned here so that accounts need nothing of sign-in.
 */
public interface AccountSessions {

    /** Revokes every sign-in token of the account; how many were still active. */
    int revokeAll(UserId user, Instant at);

    /** The account is cut off (disabled, deleted, new password): what runs on its sessions ends. */
    void ended(UserId user);

    /** The account may still sign in, with fewer rights than before (demoted, a capability taken away). */
    void rightsReduced(UserId user);
}
