package dev.ccui.domain.project;

import dev.ccui.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * A folder Claude Code works in. {@code path} is the real path (from the transcripts' {@code cwd}
 * or as registered), {@code name} what people see. {@code discovered} projects came from the
 * machine's transcripts; {@code removed} ones are hidden from the UI (files are never deleted).
 * {@code parentId} names the project whose repository a linked git worktree project belongs to (null otherwise).
 */
public record Project(
        ProjectId id,
        String path,
        String name,
        boolean starred,
        boolean archived,
        boolean removed,
        boolean discovered,
        UserId ownerId,
        Instant createdAt,
        Instant updatedAt,
        ProjectId parentId) {
    public Project {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A project of its own (not a worktree of another). */
    public Project(
            ProjectId id,
            String path,
            String name,
            boolean starred,
            boolean archived,
            boolean removed,
            boolean discovered,
            UserId ownerId,
            Instant createdAt,
            Instant updatedAt) {
        this(id, path, name, starred, archived, removed, discovered, ownerId, createdAt, updatedAt, null);
    }

    public Project withParent(ProjectId parent, Instant at) {
        return new Project(id, path, name, starred, archived, removed, discovered, ownerId, createdAt, at, parent);
    }

    public Project withName(String newName, Instant at) {
        return new Project(id, path, newName, starred, archived, removed, discovered, ownerId, createdAt, at, parentId);
    }

    public Project withStarred(boolean value, Instant at) {
        return new Project(id, path, name, value, archived, removed, discovered, ownerId, createdAt, at, parentId);
    }

    public Project withArchived(boolean value, Instant at) {
        return new Project(id, path, name, starred, value, removed, discovered, ownerId, createdAt, at, parentId);
    }

    public Project withRemoved(boolean value, Instant at) {
        return new Project(id, path, name, starred, archived, value, discovered, ownerId, createdAt, at, parentId);
    }

    public Project withOwner(UserId owner, Instant at) {
        return new Project(id, path, name, starred, archived, removed, discovered, owner, createdAt, at, parentId);
    }

    /** The last path element, the default display name. */
    public static String defaultName(String path) {
        String trimmed = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        int slash = trimmed.lastIndexOf('/');
        String last = slash >= 0 ? trimmed.substring(slash + 1) : trimmed;
        return last.isEmpty() ? trimmed : last;
    }
}
