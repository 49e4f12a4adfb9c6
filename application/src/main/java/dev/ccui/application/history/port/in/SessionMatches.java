package dev.ccui.application.history.port.in;

import java.util.List;

/**
 * The messages of one session that hold every word of a search, oldest first, by seq;
 * {@code truncated} when the session was too long to look through whole (the newest part was).
 */
public record SessionMatches(List<Long> seqs, boolean truncated) {
    public SessionMatches {
        seqs = List.copyOf(seqs);
    }
}
