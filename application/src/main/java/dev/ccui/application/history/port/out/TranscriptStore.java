package dev.ccui.application.history.port.out;

import dev.ccui.domain.history.HistoryMessage;
import dev.ccui.domain.history.ImageData;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Claude Code's transcripts on disk ({@code $CLAUDE_CONFIG_DIR/projects/**}). Written by another
 * program: every method tolerates truncated, huge, corrupt or hostile content without throwing
 * for it and with bounded memory.
 */
public interface TranscriptStore {

    /** Where the transcripts live (for health and logs). */
    Path projectsRoot();

    /**
     * Every transcript file: {@code projects/<folder>/<session>.jsonl} and subagent files
     * ({@code agent-*.jsonl}, {@code <session>/subagents/*.jsonl}). Never follows a symlink out of
     * the root or round a loop; an unreadable folder is skipped.
     */
    List<TranscriptFile> listFiles();

    /**
     * One file's current state when it is a transcript under the root (what {@link #listFiles()}
     * would report for it); empty when it is gone or not one. Lets a watched change be indexed
     * without walking every folder again.
     */
    Optional<TranscriptFile> describe(Path path);

    /**
     * Reads the complete lines from {@code fromOffset}; empty when the file cannot be read (gone,
     * no permission). {@code previousMessageId} is the {@code lastMessageId} of the previous read.
     */
    Optional<TranscriptDelta> read(TranscriptFile file, long fromOffset, String previousMessageId);

    /**
     * A first look at a main transcript from a bounded read of its head and tail, whatever its
     * size: the session id (from the head; null when the whole file was read and holds none), the
     * last cwd, titles, first prompt, first and last activity, and the lines found in the parts
     * read (a lower bound of its messages). Empty when the file cannot be read or its head does
     * not tell its session, so only a full {@link #read} can.
     */
    Optional<TranscriptDelta> glance(TranscriptFile file);

    /**
     * The raw bytes of a file from {@code offset}, at most {@code length} (fewer at its end), for
     * the archive; empty when the file cannot be read.
     */
    Optional<byte[]> bytes(TranscriptFile file, long offset, int length);

    /**
     * Writes a transcript kept in the archive back to its path, so the CLI can resume its session;
     * false when the path is not a transcript path under the root or a file is already there.
     */
    boolean restore(Path path, InputStream content);

    /**
     * The messages at these lines, normalized, in the given order; {@code seqs} are their positions
     * in the session (same size as {@code lines}). Long tool outputs are cut; images become ids.
     */
    List<HistoryMessage> messagesAt(List<LineRef> lines, List<Long> seqs);

    /** The whole text of one tool result of the line (for "show full output"). */
    Optional<String> toolResultText(LineRef line, String toolUseId);

    /** The image of block {@code blockIndex} of the line. */
    Optional<ImageData> image(LineRef line, int blockIndex);

    /**
     * Calls {@code changed} with each transcript file that is created, grows, or is deleted, until
     * the returned handle is closed. Best effort: the index also rescans periodically.
     */
    AutoCloseable watch(Consumer<Path> changed);
}
