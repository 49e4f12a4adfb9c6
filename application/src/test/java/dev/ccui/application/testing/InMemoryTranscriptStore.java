package dev.ccui.application.testing;

import dev.ccui.application.history.port.out.IndexedLine;
import dev.ccui.application.history.port.out.LineRef;
import dev.ccui.application.history.port.out.TranscriptDelta;
import dev.ccui.application.history.port.out.TranscriptFile;
import dev.ccui.application.history.port.out.TranscriptStore;
import dev.ccui.domain.history.HistoryMessage;
import dev.ccui.domain.history.ImageData;
import dev.ccui.domain.history.MessageBlock;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Transcripts as lists of messages, each taking {@link #LINE} bytes of its file: enough of the
 * CLI's files for use-case tests of the indexer and the history (what was read, from where, and
 * what a page shows), without JSON. A file can be made unreadable, as a corrupt one is.
 */
public final class InMemoryTranscriptStore implements TranscriptStore {
    public static final int LINE = 100;
    private static final Path ROOT = Path.of("/claude/projects");

    /** One message of a transcript: who said what, when. */
    public record Message(String uuid, String role, String text, Instant at) {}

    private record Transcript(
            String sessionId,
            String cwd,
            String customTitle,
            List<Message> messages,
            String fileKey,
            Instant modifiedAt,
            boolean unreadable) {}

    private final Map<Path, Transcript> files = new ConcurrentHashMap<>();

    /** Writes (or replaces, with a new file identity) the transcript of a session in {@code cwd}. */
    public Path write(String sessionId, String cwd, String customTitle, List<Message> messages, Instant at) {
        Path path = pathOf(sessionId);
        files.put(
                path,
                new Transcript(
                        sessionId, cwd, customTitle, List.copyOf(messages), "key-" + System.nanoTime(), at, false));
        return path;
    }

    /** Adds messages at the end of a session's file (same file identity), as the CLI appends. */
    public void append(String sessionId, List<Message> more, Instant at) {
        Path path = pathOf(sessionId);
        files.computeIfPresent(path, (p, t) -> {
            List<Message> all = new ArrayList<>(t.messages());
            all.addAll(more);
            return new Transcript(
                    t.sessionId(), t.cwd(), t.customTitle(), List.copyOf(all), t.fileKey(), at, t.unreadable());
        });
    }

    public void delete(String sessionId) {
        Path path = pathOf(sessionId);
        files.remove(path);
    }

    /** The file stays listed but every read of it fails, as a file the reader chokes on. */
    public void makeUnreadable(String sessionId) {
        files.computeIfPresent(
                pathOf(sessionId),
                (p, t) -> new Transcript(
                        t.sessionId(), t.cwd(), t.customTitle(), t.messages(), t.fileKey(), t.modifiedAt(), true));
    }

    public static Path pathOf(String sessionId) {
        return ROOT.resolve("folder").resolve(sessionId + ".jsonl");
    }

    @Override
    public Path projectsRoot() {
        return ROOT;
    }

    @Override
    public List<TranscriptFile> listFiles() {
        return files.keySet().stream()
                .map(this::describe)
                .flatMap(Optional::stream)
                .toList();
    }

    @Override
    public Optional<TranscriptFile> describe(Path path) {
        Transcript t = files.get(path);
        return t == null
                ? Optional.empty()
                : Optional.of(new TranscriptFile(
                        path, (long) t.messages().size() * LINE, t.modifiedAt(), t.fileKey(), false));
    }

    @Override
    public Optional<TranscriptDelta> read(TranscriptFile file, long fromOffset, String previousMessageId) {
        Transcript t = files.get(file.path());
        if (t == null) {
            return Optional.empty();
        }
        if (t.unreadable()) {
            throw new IllegalStateException("cannot parse " + file.path());
        }
        List<Message> read =
                t.messages().subList((int) (fromOffset / LINE), t.messages().size());
        List<IndexedLine> lines = new ArrayList<>();
        for (int i = 0; i < read.size(); i++) {
            Message m = read.get(i);
            lines.add(new IndexedLine(
                    new LineRef(file.path().toString(), fromOffset + (long) i * LINE, LINE - 1),
                    m.role(),
                    m.at(),
                    false,
                    false));
        }
        List<String> prompts = read.stream()
                .filter(m -> m.role().equals("user"))
                .map(Message::text)
                .toList();
        Set<String> models =
                read.stream().anyMatch(m -> m.role().equals("assistant")) ? Set.of("claude-test") : Set.of();
        return Optional.of(new TranscriptDelta(
                (long) t.messages().size() * LINE,
                t.sessionId(),
                t.cwd(),
                "main",
                read.isEmpty() ? null : read.getFirst().at(),
                read.isEmpty() ? null : read.getLast().at(),
                t.customTitle(),
                null,
                null,
                prompts.isEmpty() ? null : prompts.getFirst(),
                prompts.isEmpty() ? null : prompts.getLast(),
                models,
                0,
                0,
                Map.of(),
                read.isEmpty() ? previousMessageId : read.getLast().uuid(),
                lines,
                read.stream().map(Message::text).collect(Collectors.joining(" ")),
                0));
    }

    /** As the file store glances: the session, cwd and title, and only the lines of the first and last two messages. */
    @Override
    public Optional<TranscriptDelta> glance(TranscriptFile file) {
        return read(file, 0, null).map(whole -> {
            List<IndexedLine> lines = whole.lines();
            List<IndexedLine> seen = lines.size() <= 4 ? lines : new ArrayList<>(lines.subList(0, 2));
            if (lines.size() > 4) {
                seen.addAll(lines.subList(lines.size() - 2, lines.size()));
            }
            return new TranscriptDelta(
                    0,
                    whole.sessionId(),
                    whole.cwd(),
                    whole.gitBranch(),
                    whole.firstTimestamp(),
                    whole.lastTimestamp(),
                    whole.customTitle(),
                    whole.aiTitle(),
                    whole.summary(),
                    whole.firstPrompt(),
                    whole.lastPrompt(),
                    whole.models(),
                    0,
                    0,
                    Map.of(),
                    null,
                    seen,
                    "",
                    0);
        });
    }

    @Override
    public Optional<byte[]> bytes(TranscriptFile file, long offset, int length) {
        return Optional.empty();
    }

    @Override
    public boolean restore(Path path, InputStream content) {
        return false;
    }

    @Override
    public List<HistoryMessage> messagesAt(List<LineRef> lines, List<Long> seqs) {
        List<HistoryMessage> messages = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            LineRef ref = lines.get(i);
            Transcript t = files.get(Path.of(ref.file()));
            int index = (int) (ref.offset() / LINE);
            if (t == null || index >= t.messages().size()) {
                continue;
            }
            Message m = t.messages().get(index);
            messages.add(new HistoryMessage(
                    seqs.get(i),
                    m.uuid(),
                    null,
                    m.role(),
                    m.at(),
                    null,
                    List.of(new MessageBlock.Text(m.text())),
                    false,
                    false,
                    null));
        }
        return messages;
    }

    @Override
    public Optional<String> toolResultText(LineRef line, String toolUseId) {
        return Optional.empty();
    }

    @Override
    public Optional<ImageData> image(LineRef line, int blockIndex) {
        return Optional.empty();
    }

    /** Tests run the indexer's passes themselves ({@code scanAll}); nothing is watched. */
    @Override
    public AutoCloseable watch(Consumer<Path> changed) {
        return () -> {};
    }
}
