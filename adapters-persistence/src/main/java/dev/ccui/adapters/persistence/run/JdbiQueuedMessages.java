package dev.ccui.adapters.persistence.run;

import static dev.ccui.adapters.persistence.db.Rows.instant;
import static dev.ccui.adapters.persistence.db.Rows.millis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ccui.application.run.port.out.QueuedMessages;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.run.Attachment;
import dev.ccui.domain.run.DocumentAttachment;
import dev.ccui.domain.run.ImageAttachment;
import dev.ccui.domain.run.PermissionMode;
import dev.ccui.domain.run.QueuedMessage;
import dev.ccui.domain.run.QueuedMessageId;
import dev.ccui.domain.session.SessionId;
import dev.ccui.domain.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** The message queues on SQLite or PostgreSQL (V11). Ties of position (two nodes at once) go by arrival. */
public final class JdbiQueuedMessages implements QueuedMessages {
    private static final String COLUMNS = "id, session_id, project_id, author_id, author_name, position, prompt, "
            + "attachments, model, effort, permission_mode, client_message_id, queued_at, updated_at";
    private static final String ORDER = " ORDER BY position, queued_at, id";
    private static final TypeReference<List<Map<String, String>>> ATTACHMENTS = new TypeReference<>() {};
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbi jdbi;

    public JdbiQueuedMessages(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<QueuedMessage> append(QueuedMessage message) {
        return jdbi.inTransaction(h -> {
            long last = h.createQuery(
                            "SELECT COALESCE(MAX(position), 0) FROM queued_messages WHERE session_id = :session")
                    .bind("session", message.sessionId().value())
                    .mapTo(Long.class)
                    .one();
            QueuedMessage stored = message.at(last + 1);
            int inserted = h.createUpdate("INSERT INTO queued_messages (" + COLUMNS + ") VALUES (:id, :session, "
                            + ":project, :author, :authorName, :position, :prompt, :attachments, :model, :effort, "
                            + ":mode, :clientMessageId, :queuedAt, :updatedAt) ON CONFLICT DO NOTHING")
                    .bind("id", stored.id().toString())
                    .bind("session", stored.sessionId().value())
                    .bind("project", stored.projectId().toString())
                    .bind("author", stored.authorId().toString())
                    .bind("authorName", stored.authorName())
                    .bind("position", stored.position())
                    .bind("prompt", stored.prompt())
                    .bind("attachments", attachments(stored.attachments()))
                    .bind("model", stored.model())
                    .bind("effort", stored.effort())
                    .bind(
                            "mode",
                            stored.permissionMode() == null
                                    ? null
                                    : stored.permissionMode().cliName())
                    .bind("clientMessageId", stored.clientMessageId())
                    .bind("queuedAt", millis(stored.queuedAt()))
                    .bind("updatedAt", millis(stored.updatedAt()))
                    .execute();
            return inserted == 1 ? Optional.of(stored) : Optional.<QueuedMessage>empty();
        });
    }

    @Override
    public Optional<QueuedMessage> find(QueuedMessageId id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM queued_messages WHERE id = :id")
                .bind("id", id.toString())
                .map(JdbiQueuedMessages::map)
                .findOne());
    }

    @Override
    public Optional<QueuedMessage> findByClientMessageId(UserId authorId, String clientMessageId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM queued_messages "
                        + "WHERE author_id = :author AND client_message_id = :clientMessageId")
                .bind("author", authorId.toString())
                .bind("clientMessageId", clientMessageId)
                .map(JdbiQueuedMessages::map)
                .findOne());
    }

    @Override
    public List<QueuedMessage> ofSession(SessionId sessionId) {
        return jdbi.withHandle(
                h -> h.createQuery("SELECT " + COLUMNS + " FROM queued_messages WHERE session_id = :session" + ORDER)
                        .bind("session", sessionId.value())
                        .map(JdbiQueuedMessages::map)
                        .list());
    }

    @Override
    public boolean update(QueuedMessage message) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE queued_messages SET prompt = :prompt, model = :model, "
                                + "effort = :effort, permission_mode = :mode, updated_at = :updatedAt WHERE id = :id")
                        .bind("id", message.id().toString())
                        .bind("prompt", message.prompt())
                        .bind("model", message.model())
                        .bind("effort", message.effort())
                        .bind(
                                "mode",
                                message.permissionMode() == null
                                        ? null
                                        : message.permissionMode().cliName())
                        .bind("updatedAt", millis(message.updatedAt()))
                        .execute())
                == 1;
    }

    @Override
    public boolean moveToFront(QueuedMessageId id) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE queued_messages SET position = "
                                + "(SELECT MIN(q.position) FROM queued_messages q "
                                + "WHERE q.session_id = queued_messages.session_id) - 1 WHERE id = :id")
                        .bind("id", id.toString())
                        .execute())
                == 1;
    }

    @Override
    public boolean remove(QueuedMessageId id) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM queued_messages WHERE id = :id")
                        .bind("id", id.toString())
                        .execute())
                == 1;
    }

    /** A JSON array of the files; a document has a {@code name} (rows written before documents have none). */
    private static String attachments(List<Attachment> attachments) {
        if (attachments.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(attachments.stream()
                    .map(attachment -> switch (attachment) {
                        case ImageAttachment image ->
                            Map.of("mediaType", image.mediaType(), "data", image.base64Data());
                        case DocumentAttachment document ->
                            Map.of(
                                    "name", document.name(),
                                    "mediaType", document.mediaType(),
                                    "data", document.base64Data());
                    })
                    .toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("attachments could not be written", e);
        }
    }

    private static List<Attachment> attachments(String json) {
        if (json == null || json.isEmpty()) {
            return List.of();
        }
        try {
            return JSON.readValue(json, ATTACHMENTS).stream()
                    .map(a -> a.containsKey("name")
                            ? (Attachment) new DocumentAttachment(a.get("name"), a.get("mediaType"), a.get("data"))
                            : new ImageAttachment(a.get("mediaType"), a.get("data")))
                    .toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored attachments could not be read", e);
        }
    }

    private static QueuedMessage map(ResultSet rs, StatementContext ctx) throws SQLException {
        String mode = rs.getString("permission_mode");
        return new QueuedMessage(
                new QueuedMessageId(UUID.fromString(rs.getString("id"))),
                new SessionId(rs.getString("session_id")),
                new ProjectId(UUID.fromString(rs.getString("project_id"))),
                new UserId(UUID.fromString(rs.getString("author_id"))),
                rs.getString("author_name"),
                rs.getLong("position"),
                rs.getString("prompt"),
                attachments(rs.getString("attachments")),
                rs.getString("model"),
                rs.getString("effort"),
                mode == null ? null : PermissionMode.fromCliName(mode),
                rs.getString("client_message_id"),
                instant(rs, "queued_at"),
                instant(rs, "updated_at"));
    }
}
