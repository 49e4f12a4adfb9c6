package dev.ccui.domain.preferences;

import dev.ccui.domain.error.InvalidException;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** How the UI looks for a person: as their system says (light or dark, following it live), or always one. */
public enum Theme {
    SYSTEM("system"),
    LIGHT("light"),
    DARK("dark");

    private final String wireName;

    Theme(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The theme a request names; anything else is {@code 400 UNKNOWN_THEME}. */
    public static Theme fromWire(String name) {
        return known(name).orElseThrow(Theme::fromWireError);
    }

    /** The refusal of a theme that is not one of ours (or not a string at all). */
    public static InvalidException fromWireError() {
        return new InvalidException(
                "UNKNOWN_THEME",
                "theme",
                "theme must be one of "
                        + Arrays.stream(values()).map(Theme::wireName).collect(Collectors.joining(", ")));
    }

    /** The theme of that name, if there is one (a stored value from a newer version may not be). */
    public static Optional<Theme> known(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}
