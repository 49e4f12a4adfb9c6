package dev.ccui.application.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ccui.application.audit.Auditor;
import dev.ccui.application.common.ClientInfo;
import dev.ccui.application.run.port.in.SendOutcome;
import dev.ccui.application.run.port.in.StartRunCommand;
import dev.ccui.application.testing.FakeClaudeRunner;
import dev.ccui.application.testing.FakeClaudeRunner.FakeProcess;
import dev.ccui.application.testing.InMemoryAuditRepository;
import dev.ccui.application.testing.InMemoryProjectRepository;
import dev.ccui.application.testing.InMemoryQueuedMessages;
import dev.ccui.application.testing.InMemoryRunStore;
import dev.ccui.application.testing.InMemoryUserRepository;
import dev.ccui.application.testing.MutableClock;
import dev.ccui.application.testing.SyncEventBus;
import dev.ccui.domain.auth.AuthMethod;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.error.PayloadTooLargeException;
import dev.ccui.domain.project.Project;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.run.Attachment;
import dev.ccui.domain.run.DocumentAttachment;
import dev.ccui.domain.run.ImageAttachment;
import dev.ccui.domain.run.LoggedRunEvent;
import dev.ccui.domain.run.RunEvent;
import dev.ccui.domain.session.SessionId;
import dev.ccui.domain.user.Role;
import dev.ccui.domain.user.User;
import dev.ccui.domain.user.UserId;
import dev.ccui.domain.user.Username;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issue 15: PDFs and text files sent with a prompt, checked before anything runs, kept while queued. */
class AttachmentsTest {
    private static final Instant T0 = Instant.parse("2026-05-01T12:00:00Z");
    private static final ClientInfo CLIENT = new ClientInfo("10.0.0.1", "test");
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<< >>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private final MutableClock clock = new MutableClock(T0);
    private final FakeClaudeRunner runner = new FakeClaudeRunner();
    private final InMemoryRunStore store = new InMemoryRunStore();
    private final InMemoryProjectRepository projects = new InMemoryProjectRepository();
    private final InMemoryQueuedMessages queue = new InMemoryQueuedMessages();
    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final Principal olga =
            new Principal(UserId.random(), new Username("olga"), Role.MEMBER, AuthMethod.BEARER, null, null, Set.of());
    private final Project project =
            new Project(ProjectId.random(), "/w/app", "app", false, false, false, false, olga.userId(), T0, T0);
    private final RunService service;

    AttachmentsTest() {
        projects.insert(project);
        users.insert(new User(olga.userId(), olga.username(), Role.MEMBER, false, "x", T0, T0, null));
        service = new RunService(
                runner,
                store,
                store,
                store,
                projects,
                id -> Optional.empty(),
                new SyncEventBus(),
                new Auditor(new InMemoryAuditRepository(), clock),
                clock,
                RunSettings.defaults(),
                queue,
                store,
                users);
    }

    @AfterEach
    void close() {
        service.close();
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String base64(String text) {
        return base64(text.getBytes(StandardCharsets.UTF_8));
    }

    private StartRunCommand prompt(SessionId session, String text, List<Attachment> files, String clientMessageId) {
        return new StartRunCommand(project.id(), session, text, files, null, null, List.of(), clientMessageId);
    }

    @Test
    void aPdfATextFileAndAnImageReachTheCliInTheirOrderWithTheirKinds() {
        DocumentAttachment pdf = DocumentAttachment.of("invoice.pdf", "application/pdf", base64(PDF));
        // Browsers declare TypeScript as an MPEG stream and Markdown as nothing: the name decides.
        DocumentAttachment code = DocumentAttachment.of("main.ts", "video/mp2t", base64("export const x = 1;\n"));
        DocumentAttachment notes = DocumentAttachment.of("notes.md", "", base64("# Übersicht\n\n- ✓ done\n"));
        DocumentAttachment csv = DocumentAttachment.of("data", "text/csv", base64("a,b\n1,2\n"));
        ImageAttachment png = new ImageAttachment("image/png", base64(new byte[] {(byte) 0x89, 'P', 'N', 'G'}));

        service.start(olga, prompt(null, "read these", List.of(pdf, code, notes, csv, png), "m1"), CLIENT);

        FakeProcess cli = runner.last();
        assertThat(cli.turns).containsExactly("read these");
        assertThat(cli.files.getFirst()).containsExactly(pdf, code, notes, csv, png);
        assertThat(pdf.mediaType()).isEqualTo("application/pdf");
        assertThat(List.of(code, notes, csv))
                .as("every text file goes as text/plain, the one type the Messages API takes for text")
                .extracting(DocumentAttachment::mediaType)
                .containsOnly("text/plain");
        assertThat(notes.text()).isEqualTo("# Übersicht\n\n- ✓ done\n");
        assertThat(pdf.decodedBytes()).isEqualTo(PDF.length);
    }

    @Test
    void aQueuedMessageKeepsItsFilesUntilItIsSentAndWatchersSeeTheirNamesAndSizes() throws Exception {
        var first = service.start(olga, prompt(null, "SLOW", List.of(), "m1"), CLIENT);
        BlockingQueue<LoggedRunEvent> seen = new LinkedBlockingQueue<>();
        service.subscribe(olga, first.sessionId(), 0, seen::add).replay();
        DocumentAttachment pdf = DocumentAttachment.of("spec.pdf", "application/pdf", base64(PDF));
        DocumentAttachment text = DocumentAttachment.of("todo.txt", "text/plain", base64("buy milk\n"));
        ImageAttachment png = new ImageAttachment("image/png", base64(new byte[] {1, 2, 3}));

        SendOutcome outcome = service.sendOrQueue(
                olga, prompt(first.sessionId(), "and these", List.of(pdf, text, png), "m2"), CLIENT);

        var queued = ((SendOutcome.Queued) outcome).message();
        assertThat(queued.attachments()).containsExactly(pdf, text, png);
        RunEvent.QueueEntry entry = queued.entry();
        assertThat(entry.images()).isEqualTo(1);
        assertThat(entry.attachments())
                .containsExactly(
                        new RunEvent.FileEntry("spec.pdf", "application/pdf", PDF.length),
                        new RunEvent.FileEntry("todo.txt", "text/plain", 9));

        FakeProcess cli = runner.last();
        cli.completeTurn("done");
        LoggedRunEvent sent;
        do {
            sent = seen.poll(5, TimeUnit.SECONDS);
        } while (sent != null
                && !(sent.event() instanceof RunEvent.QueueChanged changed
                        && changed.change().equals("sent")));
        assertThat(sent).as("the queued message was sent when the turn ended").isNotNull();

        assertThat(cli.turns).containsExactly("SLOW", "and these");
        assertThat(cli.files.get(1)).containsExactly(pdf, text, png);
        assertThat(queue.ofSession(first.sessionId())).isEmpty();
    }

    /** What a hostile or careless client may send, and the error each gets; nothing of it runs. */
    @Test
    void hostileFilesAreRefusedWithAClearErrorBeforeAnythingRuns() {
        byte[] elf = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0};
        byte[] latin1 = "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        List<Object[]> cases = List.of(
                new Object[] {"a zip named .pdf", "x.pdf", "application/pdf", base64(zip), "is not a PDF"},
                new Object[] {"a PDF header late", "x.pdf", "application/pdf", base64("junk%PDF-1.4"), "is not a PDF"},
                new Object[] {"an empty PDF", "x.pdf", "application/pdf", "", "is not a PDF"},
                new Object[] {"text declared as PDF", "x.txt", "application/pdf", base64("hello"), "is not a PDF"},
                new Object[] {"an executable named .txt", "run.txt", "text/plain", base64(elf), "binary"},
                new Object[] {"an executable as source", "main.py", "", base64(elf), "binary"},
                new Object[] {"NUL bytes in UTF-8", "a.json", "application/json", base64("{\"a\":\"\0\"}"), "binary"},
                new Object[] {"Latin-1, not UTF-8", "a.csv", "text/csv", base64(latin1), "not UTF-8"},
                new Object[] {"an empty text file", "a.md", "text/markdown", "", "is empty"},
                new Object[] {"a zip", "a.zip", "application/zip", base64(zip), "PDFs or text files"},
                new Object[] {"an unknown type", "a.bin", "application/octet-stream", base64("hi"), "PDFs or text files"
                },
                new Object[] {"no type, no extension", "blob", "", base64("hi"), "PDFs or text files"},
                new Object[] {"not base64", "a.txt", "text/plain", "not base64!", "base64"},
                new Object[] {"a parent path", "../../etc/passwd", "text/plain", base64("root"), "plain file name"},
                new Object[] {"an absolute path", "/etc/passwd", "text/plain", base64("root"), "plain file name"},
                new Object[] {"a Windows path", "C:\\x\\a.txt", "text/plain", base64("x"), "plain file name"},
                new Object[] {"dot-dot", "..", "text/plain", base64("x"), "plain file name"},
                new Object[] {"a line break", "a\n.txt", "text/plain", base64("x"), "plain file name"},
                new Object[] {"a NUL in the name", "a\0.txt", "text/plain", base64("x"), "plain file name"},
                new Object[] {"padded with spaces", " a.txt", "text/plain", base64("x"), "plain file name"},
                new Object[] {"no name", "", "text/plain", base64("x"), "file name"},
                new Object[] {"a huge name", "a".repeat(256) + ".txt", "text/plain", base64("x"), "at most 255"},
                new Object[] {"no data", "a.txt", "text/plain", null, "needs name and data"});
        for (Object[] c : cases) {
            assertThatThrownBy(() -> DocumentAttachment.of((String) c[1], (String) c[2], (String) c[3]))
                    .as((String) c[0])
                    .isInstanceOfSatisfying(InvalidException.class, e -> {
                        assertThat(e.field()).contains("attachments");
                        assertThat(e.getMessage()).contains((String) c[4]);
                    });
        }
        assertThat(runner.started()).isEmpty();
        assertThat(store.list(olga.userId(), false, 10)).isEmpty();
    }

    @Test
    void filesOverTheirLimitAre413AndElevenFilesAre400() {
        byte[] bigPdf = new byte[DocumentAttachment.MAX_PDF_BYTES + 1];
        System.arraycopy(PDF, 0, bigPdf, 0, PDF.length);
        assertThatThrownBy(() -> DocumentAttachment.of("big.pdf", "application/pdf", base64(bigPdf)))
                .isInstanceOfSatisfying(PayloadTooLargeException.class, e -> {
                    assertThat(e.code()).isEqualTo("ATTACHMENT_TOO_LARGE");
                    assertThat(e.getMessage()).isEqualTo("big.pdf is larger than 5 MiB, the limit for a PDF");
                });
        assertThat(DocumentAttachment.of(
                                "max.pdf",
                                "application/pdf",
                                base64(Arrays.copyOf(bigPdf, DocumentAttachment.MAX_PDF_BYTES)))
                        .decodedBytes())
                .as("exactly 5 MiB is allowed")
                .isEqualTo(DocumentAttachment.MAX_PDF_BYTES);
        String bigText = base64("x".repeat(DocumentAttachment.MAX_TEXT_BYTES + 1));
        assertThatThrownBy(() -> DocumentAttachment.of("big.log", "text/plain", bigText))
                .isInstanceOfSatisfying(
                        PayloadTooLargeException.class,
                        e -> assertThat(e.getMessage())
                                .isEqualTo("big.log is larger than 1 MiB, the limit for a text file"));
        // Built past the door (as the store does), the command still holds the line.
        var stored = new DocumentAttachment("big.log", "text/plain", bigText);
        assertThatThrownBy(() -> prompt(null, "x", List.of(stored), "m1")).isInstanceOf(PayloadTooLargeException.class);

        List<Attachment> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(DocumentAttachment.of("f" + i + ".txt", "text/plain", base64("x")));
        }
        assertThatThrownBy(() -> prompt(null, "x", eleven, "m1")).isInstanceOfSatisfying(InvalidException.class, e -> {
            assertThat(e.field()).contains("attachments");
            assertThat(e.getMessage()).isEqualTo("at most 10 images and files together");
        });
        assertThat(prompt(null, "x", eleven.subList(0, 10), "m1").attachments()).hasSize(10);
        assertThat(runner.started()).isEmpty();
    }
}
