package dev.ccui.domain.auth;

/** How a request proved who it is; cookies need a CSRF header for unsafe methods. */
public enum AuthMethod {
    BEARER,
    COOKIE,
    API_KEY
}
