package dev.ccui.domain.error;

import java.util.List;

public final class ConflictException extends CcuiException {
    private final List<String> paths;

    public ConflictException(String message) {
        this("CONFLICT", message);
    }

    public ConflictException(String code, String message) {
        this(code, message, List.of());
    }

    /** @param paths what is in the way (files an upload would replace), answered beside the message */
    public ConflictException(String code, String message, List<String> paths) {
        super(code, message);
        this.paths = List.copyOf(paths);
    }

    public List<String> paths() {
        return paths;
    }
}
