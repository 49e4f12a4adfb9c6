package dev.ccui.application.auth.port.in;

import dev.ccui.application.common.ClientInfo;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.user.User;
import java.util.Optional;

/** Signing in and staying signed in: first set-up, login and logout, credentials checked, tickets, own password. */
public interface AuthUseCase {

    /** True until the first admin exists. */
    boolean setupRequired();

    /** True while setup is required and the server asks for its set-up code (not a loopback-only bind). */
    boolean setupCodeRequired();

    /** Creates the first admin and signs them in; a conflict once any user exists. */
    Session setup(Credentials credentials);

    /**
     * The same, with the one-time set-up code the server printed in its log: required when it
     * listens beyond loopback or behind a proxy, so the first admin is never whoever comes first.
     */
    Session setup(Credentials credentials, String setupCode);

    LoginResult login(Credentials credentials);

    void logout(Principal principal, ClientInfo client);

    /** The caller of a bearer token, or nothing when it is not (or no longer) valid. */
    Optional<Principal> byToken(String token);

    /** The caller of an API key, or nothing when it is not (or no longer) valid. */
    Optional<Principal> byApiKey(String apiKey);

    User currentUser(Principal principal);

    void changePassword(Principal principal, String currentPassword, String newPassword, ClientInfo client);

    /** A one-time ticket that lets a non-browser client open a WebSocket without a token in the URL. */
    String issueTicket(Principal principal);

    /** The principal the ticket was issued to, once; empty if unknown, used or expired. */
    Optional<Principal> redeemTicket(String ticket);

    /**
     * Whether a connection opened with this principal may stay open: its session or key and its
     * account are still valid. Asked once a socket listens for revocations, so a revocation that
     * came between the upgrade and that moment is not missed.
     */
    boolean stillValid(Principal principal);
}
