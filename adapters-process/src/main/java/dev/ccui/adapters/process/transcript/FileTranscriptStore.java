package dev.ccui.adapters.process.transcript;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ccui.application.history.port.out.LineRef;
import dev.ccui.application.history.port.out.TranscriptArchive;
import dev.ccui.application.history.port.out.TranscriptDelta;
import dev.ccui.application.history.port.out.TranscriptFile;
import dev.ccui.application.history.port.out.TranscriptStore;
import dev.ccui.domain.history.HistoryMessage;
import dev.ccui.domain.history.ImageData;
import dev.ccui.domain.history.MessageBlock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads Claude Code's transcripts from {@code <claude config dir>/projects}. The files belong to
 * another program and may be huge, half-written, corrupt or hostile, so every read is a bounded
 * stream over exact byte ranges: a line is parsed only when it fits the line limit, records are
 * streamed rather than bound, and what cannot be read becomes a count or a placeholder.
 */
public final class FileTranscriptStore implements TranscriptStore {
    private static final Logger LOG = LoggerFactory.getLogger(FileTranscriptStore.class);

    private final Path root;
    /**
     * The root with its links resolved, from the first time it exists (it is the server's own
     * folder, fixed at start): resolving it again for every file read was half of the
     * {@code realpath} calls of an index pass (0.45 CPU-s over 10,000 files). A restore, which
     * writes, still resolves it each time.
     */
    private volatile Path realRoot;

    private final TranscriptLimits limits;
    private final ObjectMapper json = new ObjectMapper();
    private final JsonFactory factory = json.getFactory();
    private final MessageNormalizer normalizer;
    private final TranscriptWalker walker;
    private final TranscriptArchive archive;

    public FileTranscriptStore(Path claudeConfigDir, TranscriptLimits limits) {
        this(claudeConfigDir, limits, TranscriptArchive.NONE);
    }

    /** {@code archive}: where the lines of a file that vanished from disk are read from. */
    public FileTranscriptStore(Path claudeConfigDir, TranscriptLimits limits, TranscriptArchive archive) {
        this.archive = archive;
        this.root = claudeConfigDir.toAbsolutePath().normalize().resolve("projects");
        this.limits = limits;
        this.normalizer = new MessageNormalizer(json, limits.toolResultChars());
        this.walker = new TranscriptWalker(root, limits);
    }

    @Override
    public Path projectsRoot() {
        return root;
    }

    @Override
    public List<TranscriptFile> listFiles() {
        return walker.list();
    }

    @Override
    public Optional<TranscriptFile> describe(Path path) {
        return walker.describe(path);
    }

    @Override
    public Optional<TranscriptDelta> read(TranscriptFile file, long fromOffset, String previousMessageId) {
        if (fromOffset < 0) {
            throw new IllegalArgumentException("negative offset " + fromOffset);
        }
        Path path = file.path();
        try (FileChannel channel = open(path)) {
            if (channel == null) {
                return Optional.empty();
            }
            long size = channel.size();
            DeltaBuilder delta = new DeltaBuilder(
                    path.toString(),
                    file.subagent() || Records.isSubagentFile(path),
                    previousMessageId,
                    limits.searchTextChars());
            long end = fromOffset;
            if (fromOffset < size) {
                end = LineSplitter.split(
                        channel,
                        fromOffset,
                        size,
                        limits.maxLineBytes(),
                        limits.maxReadBytes(),
                        new Indexer(channel, delta));
            }
            if (delta.badLines() > 0) {
                LOG.warn(
                        "Skipped {} unreadable or oversized lines in {} between bytes {} and {}",
                        delta.badLines(),
                        path,
                        fromOffset,
                        end);
            }
            return Optional.of(delta.build(end));
        } catch (NoSuchFileException | AccessDeniedException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("Cannot read transcript {}: {}", path, e.toString());
            return Optional.empty();
        }
    }

    @Override
    public Optional<TranscriptDelta> glance(TranscriptFile file) {
        Path path = file.path();
        try (FileChannel channel = open(path)) {
            if (channel == null) {
                return Optional.empty();
            }
            long size = channel.size();
            boolean subagent = file.subagent() || Records.isSubagentFile(path);
            DeltaBuilder head = new DeltaBuilder(path.toString(), subagent, null, 0);
            long headEnd = LineSplitter.split(
                    channel,
                    0,
                    Math.min(size, Glance.HEAD_BYTES),
                    limits.maxLineBytes(),
                    Long.MAX_VALUE,
                    new Indexer(channel, head));
            long tailFrom = Math.max(headEnd, size - Glance.TAIL_BYTES);
            DeltaBuilder tail = new DeltaBuilder(path.toString(), subagent, null, 0);
            if (tailFrom < size) {
                // Unless it starts where the head stopped, the first line of the tail is a piece of one.
                LineSplitter.Sink sink = new Indexer(channel, tail);
                LineSplitter.split(
                        channel,
                        tailFrom,
                        size,
                        limits.maxLineBytes(),
                        Long.MAX_VALUE,
                        tailFrom == headEnd ? sink : Glance.afterFirstLine(sink));
            }
            // Read whole: every complete line went through the head or the tail, as a full read would see them.
            boolean whole = tailFrom == headEnd;
            return Glance.of(head.build(headEnd), tail.build(size), whole);
        } catch (NoSuchFileException | AccessDeniedException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("Cannot read transcript {}: {}", path, e.toString());
            return Optional.empty();
        }
    }

    /** Feeds each line's facts to the delta. */
    private final class Indexer implements LineSplitter.Sink {
        private final FileChannel channel;
        private final DeltaBuilder delta;

        Indexer(FileChannel channel, DeltaBuilder delta) {
            this.channel = channel;
            this.delta = delta;
        }

        @Override
        public void line(long offset, byte[] bytes, int from, int length) {
            if (isBlank(bytes, from, length)) {
                return;
            }
            RecordFacts facts = scan(bytes, from, length);
            if (facts == null) {
                delta.bad();
            } else {
                delta.accept(facts, offset, length, true);
            }
        }

        @Override
        public void oversized(long offset, long length) {
            delta.bad();
            RecordFacts facts = scanLarge(channel, offset, length);
            if (facts != null) {
                delta.accept(facts, offset, length, false);
            }
        }
    }

    private RecordFacts scan(byte[] bytes, int from, int length) {
        try (JsonParser parser = factory.createParser(bytes, from, length)) {
            return RecordFacts.scan(parser, true);
        } catch (IOException | RuntimeException e) {
            // Most often invalid UTF-8 inside a string: read it again decoded with replacement.
            try (JsonParser parser = factory.createParser(new String(bytes, from, length, StandardCharsets.UTF_8))) {
                return RecordFacts.scan(parser, true);
            } catch (IOException | RuntimeException again) {
                return null;
            }
        }
    }

    /** The scalar facts of a line too long to hold, streamed from the file with its texts skipped. */
    private RecordFacts scanLarge(FileChannel channel, long offset, long length) {
        try (JsonParser parser = factory.createParser(new RangeInputStream(channel, offset, length))) {
            return RecordFacts.scan(parser, false);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public List<HistoryMessage> messagesAt(List<LineRef> lines, List<Long> seqs) {
        if (lines.size() != seqs.size()) {
            throw new IllegalArgumentException(
                    "lines and seqs differ in size: " + lines.size() + " and " + seqs.size());
        }
        Map<String, FileChannel> channels = new HashMap<>();
        try {
            List<HistoryMessage> messages = new ArrayList<>(lines.size());
            for (int i = 0; i < lines.size(); i++) {
                messages.add(messageAt(lines.get(i), seqs.get(i), channels));
            }
            return messages;
        } finally {
            channels.values().forEach(FileTranscriptStore::closeQuietly);
        }
    }

    private HistoryMessage messageAt(LineRef ref, long seq, Map<String, FileChannel> channels) {
        boolean subagent = Records.isSubagentFile(Path.of(ref.file()));
        FileChannel channel;
        try {
            channel = channels.containsKey(ref.file()) ? channels.get(ref.file()) : open(Path.of(ref.file()));
            channels.put(ref.file(), channel);
        } catch (IOException | InvalidPathException e) {
            channel = null;
        }
        if (channel == null) {
            JsonNode archived = ref.length() > limits.maxLineBytes() ? null : archivedRecord(ref);
            if (archived == null || !archived.isObject()) {
                return placeholder(seq, null, subagent, "[This message's transcript file can no longer be read]");
            }
            return normalized(archived, ref, seq, subagent);
        }
        if (ref.length() > limits.maxLineBytes()) {
            RecordFacts facts = scanLarge(channel, ref.offset(), ref.length());
            String text = "[This record is too large to show (" + ref.length() + " bytes)]";
            return placeholder(seq, facts, subagent, text);
        }
        JsonNode record = readRecord(channel, ref);
        if (record == null || !record.isObject()) {
            return placeholder(seq, null, subagent, "[This record could not be read: the transcript file has changed]");
        }
        return normalized(record, ref, seq, subagent);
    }

    private HistoryMessage normalized(JsonNode record, LineRef ref, long seq, boolean subagent) {
        try {
            return normalizer.normalize(record, seq, subagent);
        } catch (RuntimeException e) {
            LOG.warn("Cannot show the record at {}:{}: {}", ref.file(), ref.offset(), e.toString());
            return placeholder(seq, null, subagent, "[This record could not be shown]");
        }
    }

    /** The record of a line whose file is gone, from the app's archive; null when it holds none. */
    private JsonNode archivedRecord(LineRef ref) {
        if (ref.offset() < 0 || ref.length() <= 0) {
            return null;
        }
        try {
            return archive.read(ref.file(), ref.offset(), ref.length())
                    .map(this::parse)
                    .orElse(null);
        } catch (RuntimeException e) {
            LOG.warn("Cannot read the archived record at {}:{}: {}", ref.file(), ref.offset(), e.toString());
            return null;
        }
    }

    private static HistoryMessage placeholder(long seq, RecordFacts facts, boolean subagent, String text) {
        String role = facts != null && (facts.isUser() || facts.isAssistant()) ? facts.type : "system";
        return new HistoryMessage(
                seq,
                facts == null ? null : facts.uuid,
                null,
                role,
                facts == null ? null : Records.instant(facts.timestamp),
                facts == null ? null : facts.model,
                List.of(new MessageBlock.Text(text)),
                true,
                subagent || facts != null && facts.sidechain,
                null);
    }

    @Override
    public Optional<String> toolResultText(LineRef line, String toolUseId) {
        return record(line).flatMap(record -> MessageNormalizer.toolResultText(record, toolUseId));
    }

    @Override
    public Optional<ImageData> image(LineRef line, int blockIndex) {
        return record(line).flatMap(record -> MessageNormalizer.imageData(record, blockIndex));
    }

    private Optional<JsonNode> record(LineRef ref) {
        if (ref.length() > limits.maxLineBytes()) {
            return Optional.empty();
        }
        try (FileChannel channel = open(Path.of(ref.file()))) {
            return channel == null
                    ? Optional.ofNullable(archivedRecord(ref))
                    : Optional.ofNullable(readRecord(channel, ref));
        } catch (NoSuchFileException e) {
            return Optional.ofNullable(archivedRecord(ref));
        } catch (IOException | InvalidPathException e) {
            return Optional.empty();
        }
    }

    /** The JSON record at exactly this byte range; null when the range no longer holds one. */
    private JsonNode readRecord(FileChannel channel, LineRef ref) {
        if (ref.offset() < 0 || ref.length() <= 0) {
            return null;
        }
        byte[] bytes = new byte[ref.length()];
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        try {
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, ref.offset() + buffer.position()) < 0) {
                    return null;
                }
            }
        } catch (IOException e) {
            return null;
        }
        return parse(bytes);
    }

    private JsonNode parse(byte[] bytes) {
        try {
            return json.readTree(bytes);
        } catch (IOException | RuntimeException e) {
            try {
                return json.readTree(new String(bytes, StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException again) {
                return null;
            }
        }
    }

    /**
     * Opens a transcript for reading when it is a regular file that resolves inside the root;
     * null otherwise. Opening a FIFO would block, and a path (or a symlink swapped in since the
     * listing) leading out of the root must not be read.
     */
    private FileChannel open(Path path) throws IOException {
        Path absolute = path.toAbsolutePath().normalize();
        if (!absolute.startsWith(root)) {
            return null;
        }
        Path real = absolute.toRealPath();
        if (!real.startsWith(realRoot())
                || !Files.readAttributes(real, BasicFileAttributes.class).isRegularFile()) {
            return null;
        }
        return FileChannel.open(real, StandardOpenOption.READ);
    }

    private Path realRoot() throws IOException {
        Path real = realRoot;
        if (real == null) {
            real = root.toRealPath();
            realRoot = real;
        }
        return real;
    }

    @Override
    public Optional<byte[]> bytes(TranscriptFile file, long offset, int length) {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("negative offset or length");
        }
        try (FileChannel channel = open(file.path())) {
            if (channel == null) {
                return Optional.empty();
            }
            int wanted = (int) Math.max(0, Math.min(length, channel.size() - offset));
            ByteBuffer buffer = ByteBuffer.allocate(wanted);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, offset + buffer.position()) < 0) {
                    break;
                }
            }
            return Optional.of(
                    buffer.position() == wanted ? buffer.array() : Arrays.copyOf(buffer.array(), buffer.position()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean restore(Path path, InputStream content) {
        Path absolute = path.toAbsolutePath().normalize();
        String name =
                absolute.getFileName() == null ? "" : absolute.getFileName().toString();
        if (!absolute.startsWith(root) || absolute.equals(root) || !name.endsWith(".jsonl")) {
            return false;
        }
        try {
            Path parent = Files.createDirectories(absolute.getParent());
            if (!parent.toRealPath().startsWith(root.toRealPath())
                    || Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            // Written beside it then moved, so the CLI and the watcher never see half a transcript.
            Path partial = Files.createTempFile(parent, ".restore-", ".part");
            try {
                Files.copy(content, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, absolute, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
            LOG.info("Restored {} from the archive", absolute);
            return true;
        } catch (IOException e) {
            LOG.warn("Cannot restore {} from the archive: {}", absolute, e.toString());
            return false;
        }
    }

    @Override
    public AutoCloseable watch(Consumer<Path> changed) {
        try {
            return new TranscriptWatcher(root, changed);
        } catch (IOException e) {
            LOG.warn("Cannot watch {} for changes, relying on rescans: {}", root, e.toString());
            return () -> {};
        }
    }

    private static boolean isBlank(byte[] bytes, int from, int length) {
        for (int i = from; i < from + length; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("Closing a transcript failed: {}", e.toString());
        }
    }

    /** A byte range of a file as a stream, read with positional reads (the channel is shared). */
    private static final class RangeInputStream extends InputStream {
        private final FileChannel channel;
        private long position;
        private final long end;

        RangeInputStream(FileChannel channel, long offset, long length) {
            this.channel = channel;
            this.position = offset;
            this.end = offset + length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int from, int length) throws IOException {
            if (position >= end) {
                return -1;
            }
            int wanted = (int) Math.min(length, end - position);
            int read = channel.read(ByteBuffer.wrap(target, from, wanted), position);
            if (read <= 0) {
                return -1;
            }
            position += read;
            return read;
        }
    }
}
