package dev.ccui.domain.workspace.git;

/**
 * How a pull joins the remote's commits: never a merge commit. {@link #FAST_FORWARD} refuses when
 * the branches diverged; {@link #REBASE} replays the local commits on top, and gives up (leaving
 * everything as it was) at the first conflict.
 */
public enum PullMode {
    FAST_FORWARD("ff-only"),
    REBASE("rebase");

    private final String code;

    PullMode(String code) {
        this.code = code;
    }

    /** The name the API uses. */
    public String code() {
        return code;
    }

    /** The mode of an API name, or null when it names none. */
    public static PullMode ofCode(String code) {
        for (PullMode mode : values()) {
            if (mode.code.equals(code)) {
                return mode;
            }
        }
        return null;
    }
}
