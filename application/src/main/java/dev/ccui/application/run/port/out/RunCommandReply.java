package dev.ccui.application.run.port.out;

import dev.ccui.domain.error.CcuiException;
import dev.ccui.domain.error.ConflictException;
import dev.ccui.domain.error.ForbiddenException;
import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.error.NotFoundException;
import dev.ccui.domain.error.UnavailableException;

/**
 * The owner node's answer to a {@link RunCommand}: done (with the decided tool's name for a
 * decision, which the caller's node audits), or the failure the owner would have answered its
 * own caller with, carried as kind, code, message and field so that it is raised again unchanged.
 */
public record RunCommandReply(String toolName, Failure failure) {

    /** A failure as it crosses nodes; {@code kind} names the exception ({@code conflict}, {@code invalid}…). */
    public record Failure(String kind, String code, String message, String field) {}

    public static RunCommandReply done(String toolName) {
        return new RunCommandReply(toolName, null);
    }

    public static RunCommandReply failed(CcuiException e) {
        String kind = switch (e) {
            case InvalidException ignored -> "invalid";
            case NotFoundException ignored -> "not_found";
            case ForbiddenException ignored -> "forbidden";
            case UnavailableException ignored -> "unavailable";
            default -> "conflict";
        };
        String field = e instanceof InvalidException invalid ? invalid.field().orElse(null) : null;
        return new RunCommandReply(null, new Failure(kind, e.code(), e.getMessage(), field));
    }

    public boolean ok() {
        return failure == null;
    }

    /** Raises the owner's failure here as the same exception; returns the reply when it is a success. */
    public RunCommandReply orThrow() {
        if (failure == null) {
            return this;
        }
        String message = failure.message() == null ? "the run's node refused the command" : failure.message();
        throw switch (failure.kind()) {
            case "invalid" -> new InvalidException(failure.field(), message);
            case "not_found" -> new NotFoundException(failure.code(), message);
            case "forbidden" -> new ForbiddenException(failure.code(), message);
            case "unavailable" -> new UnavailableException(failure.code(), message, null);
            default -> new ConflictException(failure.code(), message);
        };
    }
}
