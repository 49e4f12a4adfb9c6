package dev.ccui.domain.run;

import dev.ccui.domain.error.InvalidException;
import java.util.Arrays;

/** The CLI's {@code --permission-mode}, named as the CLI spells it. */
public enum PermissionMode {
    DEFAULT("default"),
    ACCEPT_EDITS("acceptEdits"),
    PLAN("plan"),
    BYPASS_PERMISSIONS("bypassPermissions"),
    DONT_ASK("dontAsk");

    private final String cliName;

    PermissionMode(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static PermissionMode fromCliName(String name) {
        return Arrays.stream(values())
                .filter(mode -> mode.cliName.equals(name))
                .findFirst()
                .orElseThrow(() -> new InvalidException(
                        "permissionMode", "one of default, acceptEdits, plan, bypassPermissions, dontAsk"));
    }
}
