package dev.ccui.domain.user;

import dev.ccui.domain.error.InvalidException;
import java.util.Locale;

public enum Role {
    ADMIN,
    MEMBER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromWire(String text) {
        if (text != null) {
            for (Role role : values()) {
                if (role.wireName().equals(text)) {
                    return role;
                }
            }
        }
        throw new InvalidException("role", "role must be \"admin\" or \"member\"");
    }
}
