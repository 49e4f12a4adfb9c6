package dev.ccui.domain.usage;

import dev.ccui.domain.error.InvalidException;
import java.util.Locale;

/** What usage is summed by. */
public enum UsageGroup {
    DAY,
    PROJECT,
    MODEL,
    USER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static UsageGroup fromWire(String name) {
        for (UsageGroup group : values()) {
            if (group.wireName().equals(name)) {
                return group;
            }
        }
        throw new InvalidException("groupBy", "groupBy must be day, project, model or user");
    }
}
