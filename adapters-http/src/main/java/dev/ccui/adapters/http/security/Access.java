package dev.ccui.adapters.http.security;

import io.javalin.security.RouteRole;

/** Who may call a route: anyone, any signed-in user, or admins only. */
public enum Access implements RouteRole {
    ANYONE,
    USER,
    ADMIN
}
