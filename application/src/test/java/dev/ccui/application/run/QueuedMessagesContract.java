package dev.ccui.application.run;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every store of waiting messages keeps: run against the in-memory fake, SQLite and PostgreSQL. */
public abstract class QueuedMessagesContract {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123Z");
    private static final SessionId SESSION = new SessionId("0b7c61c4-5d35-4a49-9a8e-7d1c7f0e2a11");

    /** A fresh, empty store; called once before each test. */
    protected abstract QueuedMessages queue();

    private QueuedMessages queue;

    @BeforeEach
    void open() {
        queue = queue();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static QueuedMessage message(String clientMessageId, List<Attachment> attachments) {
        return new QueuedMessage(
                QueuedMessageId.random(),
                SESSION,
                ProjectId.random(),
                UserId.random(),
                "olga",
                0,
                "look at these",
                attachments,
                "sonnet",
                "high",
                PermissionMode.DEFAULT,
                clientMessageId,
                T0,
                T0);
    }

    @Test
    void aWaitingMessageKeepsItsImagesAndDocumentsInTheirOrderThroughEditsAndMoves() {
        List<Attachment> files = List.of(
                DocumentAttachment.of("Bericht 2026 – März.pdf", "application/pdf", base64("%PDF-1.7\n%%EOF\n")),
                new ImageAttachment("image/png", "iVBORw0KGgo="),
                DocumentAttachment.of("main.rs", "", base64("fn main() { println!(\"✓\"); }\n")));
        QueuedMessage first = queue.append(message("c1", List.of())).orElseThrow();
        QueuedMessage second = queue.append(message("c2", files)).orElseThrow();

        assertThat(queue.find(second.id()).orElseThrow().attachments()).containsExactlyElementsOf(files);
        assertThat(queue.find(first.id()).orElseThrow().attachments()).isEmpty();

        queue.update(second.edited("look again", null, null, null, T0.plusSeconds(1)));
        queue.moveToFront(second.id());
        List<QueuedMessage> waiting = queue.ofSession(SESSION);
        assertThat(waiting).extracting(QueuedMessage::prompt).containsExactly("look again", "look at these");
        assertThat(waiting.getFirst().attachments()).containsExactlyElementsOf(files);
        assertThat(((DocumentAttachment) waiting.getFirst().attachments().get(2)).text())
                .isEqualTo("fn main() { println!(\"✓\"); }\n");
        assertThat(waiting.getFirst().entry().attachments())
                .extracting(file -> file.name() + " " + file.mediaType())
                .containsExactly("Bericht 2026 – März.pdf application/pdf", "main.rs text/plain");
        assertThat(waiting.getFirst().entry().images()).isEqualTo(1);
    }
}
