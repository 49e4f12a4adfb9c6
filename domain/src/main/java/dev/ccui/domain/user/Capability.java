package dev.ccui.domain.user;

import dev.ccui.domain.error.InvalidException;
import java.util.EnumSet;
import java.util.Set;

/**
 * What an account may do beyond its projects' files, sessions and runs; set by admins. Members
 * start without any; the first admin (and every admin when capabilities arrived) has all.
 */
public enum Capability {
    /** The web shell. */
    TERMINAL("terminal"),
    /** Runs in {@code bypassPermissions} mode: every tool call without asking. */
    BYPASS_PERMISSIONS("bypassPermissions");

    private final String wireName;

    Capability(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Capability fromWire(String text) {
        for (Capability capability : values()) {
            if (capability.wireName.equals(text)) {
                return capability;
            }
        }
        throw new InvalidException("capabilities", "unknown capability: use \"terminal\" or \"bypassPermissions\"");
    }

    public static Set<Capability> all() {
        return EnumSet.allOf(Capability.class);
    }

    /** What a new account of {@code role} gets. */
    public static Set<Capability> defaultsFor(Role role) {
        return role == Role.ADMIN ? all() : EnumSet.noneOf(Capability.class);
    }
}
