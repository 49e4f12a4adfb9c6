package dev.ccui.adapters.http.project;

import dev.ccui.application.project.create.port.in.CloneOperation;
import java.time.Instant;
import java.util.Locale;

/** A clone as the API shows it; {@code progress} is git's latest phase, {@code error} set once it failed. */
public record CloneView(
        String id,
        String url,
        String path,
        String state,
        Progress progress,
        String projectId,
        Error error,
        Instant startedAt,
        Instant endedAt) {

    public record Progress(String phase, int percent, long done, long total) {}

    public record Error(String code, String message) {}

    public static CloneView of(CloneOperation op) {
        return new CloneView(
                op.id().toString(),
                op.url(),
                op.path(),
                op.state().name().toLowerCase(Locale.ROOT),
                op.progress() == null
                        ? null
                        : new Progress(
                                op.progress().phase(),
                                op.progress().percent(),
                                op.progress().done(),
                                op.progress().total()),
                op.projectId() == null ? null : op.projectId().toString(),
                op.errorCode() == null ? null : new Error(op.errorCode(), op.errorMessage()),
                op.startedAt(),
                op.endedAt());
    }
}
