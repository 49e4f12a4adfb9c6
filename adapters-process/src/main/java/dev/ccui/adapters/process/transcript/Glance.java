package dev.ccui.adapters.process.transcript;

import dev.ccui.application.history.port.out.IndexedLine;
import dev.ccui.application.history.port.out.TranscriptDelta;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A transcript's head and tail read as one: what the listing needs of a session without reading
 * the whole file. The head holds the first records (session id, first prompt), the tail the latest
 * (cwd, titles, last activity); tokens, cost and search text wait for the full read.
 */
final class Glance {
    /** Enough for the CLI's first records and the first prompt in nearly every transcript. */
    static final int HEAD_BYTES = 8 << 10;
    /** Enough for the latest records: titles, the last prompt, the last cwd and activity. */
    static final int TAIL_BYTES = 8 << 10;

    private Glance() {}

    /**
     * Empty when the head tells no session id and the file was not read whole: the session is
     * named by the first id in the file, which only a full read can find.
     */
    static Optional<TranscriptDelta> of(TranscriptDelta head, TranscriptDelta tail, boolean whole) {
        String sessionId = head.sessionId() != null ? head.sessionId() : whole ? tail.sessionId() : null;
        if (sessionId == null && !whole) {
            return Optional.empty();
        }
        Set<String> models = new HashSet<>(head.models());
        models.addAll(tail.models());
        List<IndexedLine> lines = new ArrayList<>(head.lines());
        lines.addAll(tail.lines());
        return Optional.of(new TranscriptDelta(
                0,
                sessionId,
                latest(tail.cwd(), head.cwd()),
                latest(tail.gitBranch(), head.gitBranch()),
                earliest(head.firstTimestamp(), tail.firstTimestamp()),
                latest(tail.lastTimestamp(), head.lastTimestamp()),
                latest(tail.customTitle(), head.customTitle()),
                latest(tail.aiTitle(), head.aiTitle()),
                latest(tail.summary(), head.summary()),
                head.firstPrompt() != null ? head.firstPrompt() : tail.firstPrompt(),
                latest(tail.lastPrompt(), head.lastPrompt()),
                models,
                0,
                0,
                Map.of(),
                null,
                lines,
                "",
                head.badLines() + tail.badLines()));
    }

    /** The sink without the first line it is given (a line cut by the start of the range). */
    static LineSplitter.Sink afterFirstLine(LineSplitter.Sink sink) {
        return new LineSplitter.Sink() {
            private boolean first = true;

            @Override
            public void line(long offset, byte[] bytes, int from, int length) throws IOException {
                if (!first) {
                    sink.line(offset, bytes, from, length);
                }
                first = false;
            }

            @Override
            public void oversized(long offset, long length) throws IOException {
                if (!first) {
                    sink.oversized(offset, length);
                }
                first = false;
            }
        };
    }

    private static <T> T latest(T tail, T head) {
        return tail != null ? tail : head;
    }

    private static Instant earliest(Instant head, Instant tail) {
        return head == null ? tail : tail == null || head.isBefore(tail) ? head : tail;
    }
}
