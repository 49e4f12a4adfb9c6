package dev.ccui.domain.run;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One app process sharing the database with others (a node). A run belongs to the node whose CLI
 * process it is: only that node can steer it, and only that node's death loses it.
 */
public record NodeId(String value) {
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public NodeId {
        Objects.requireNonNull(value, "value");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "a node id is 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
    }

    public static boolean valid(String text) {
        return text != null && SHAPE.matcher(text).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
