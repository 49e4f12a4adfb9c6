package dev.ccui.domain.run;

import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.session.SessionId;
import dev.ccui.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A prompt sent while its session's turn was running: it waits, in {@code position} order, until
 * the turn ends and is then sent as the session's next run, as its author. Until then it may be
 * edited or removed.
 *
 * @param position        the order in the session's queue (lower first); "send now" puts it before the others
 * @param clientMessageId the author's id of the prompt: the run it becomes carries it, so a retry finds the run
 */
public record QueuedMessage(
        QueuedMessageId id,
        SessionId sessionId,
        ProjectId projectId,
        UserId authorId,
        String authorName,
        long position,
        String prompt,
        List<Attachment> attachments,
        String model,
        String effort,
        PermissionMode permissionMode,
        String clientMessageId,
        Instant queuedAt,
        Instant updatedAt) {
    public QueuedMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(authorId, "authorId");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(clientMessageId, "clientMessageId");
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public QueuedMessage edited(
            String newPrompt, String newModel, String newEffort, PermissionMode newMode, Instant at) {
        return new QueuedMessage(
                id,
                sessionId,
                projectId,
                authorId,
                authorName,
                position,
                newPrompt,
                attachments,
                newModel,
                newEffort,
                newMode,
                clientMessageId,
                queuedAt,
                at);
    }

    /** The same message at another place in its session's queue. */
    public QueuedMessage at(long newPosition) {
        return new QueuedMessage(
                id,
                sessionId,
                projectId,
                authorId,
                authorName,
                newPosition,
                prompt,
                attachments,
                model,
                effort,
                permissionMode,
                clientMessageId,
                queuedAt,
                updatedAt);
    }

    /** What watchers see of it on the event stream: everything but the file data. */
    public RunEvent.QueueEntry entry() {
        List<RunEvent.FileEntry> documents = attachments.stream()
                .filter(DocumentAttachment.class::isInstance)
                .map(DocumentAttachment.class::cast)
                .map(d -> new RunEvent.FileEntry(d.name(), d.mediaType(), d.decodedBytes()))
                .toList();
        return new RunEvent.QueueEntry(
                id.toString(),
                authorId.toString(),
                authorName,
                prompt,
                attachments.size() - documents.size(),
                model,
                effort,
                permissionMode == null ? null : permissionMode.cliName(),
                clientMessageId,
                queuedAt.toString(),
                updatedAt.toString(),
                documents);
    }
}
