package dev.ccui.adapters.persistence.history;

import dev.ccui.domain.history.SearchHit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Full-text search on SQLite from the best-ranked chunks first. The whole ranking joins every
 * matching chunk to its session to keep the visible ones and their best chunk: a word found in
 * most of 10,000 sessions took ~100 ms each time. FTS5 keeps only the best {@code k} chunks of an
 * {@code ORDER BY rank LIMIT k} while it ranks, so only those are joined. The answer is the same:
 * every chunk ranked better than the {@code k}-th is among them, so a session whose best chunk is
 * is found with that chunk; once enough such sessions are visible the page is known. When not (the
 * best chunks belong to hidden sessions or other projects), {@code k} grows, and past
 * {@link #MAX_CHUNKS} the caller ranks everything as before.
 */
final class SqliteBestChunks {
    static final int FIRST_CHUNKS = 64;
    static final int MAX_CHUNKS = 4_096;

    private static final String TOP = "SELECT top.rid, top.r, t.session_id, "
            + "COALESCE(s.hidden = 0 AND s.project_id IN (<projects>), 0) AS visible "
            + "FROM (SELECT rowid AS rid, rank AS r FROM session_search WHERE session_search MATCH :match "
            + "ORDER BY rank LIMIT :k) top LEFT JOIN session_search_text t ON t.id = top.rid "
            + "LEFT JOIN sessions s ON s.id = t.session_id ORDER BY top.r, top.rid";
    private static final String SNIPPETS = "SELECT session_search.rowid AS rid, t.session_id, -rank AS score, "
            + "snippet(session_search, 0, :markStart, :markEnd, '…', 12) AS snippet, "
            + JdbiSessionIndexQuery.HIT_COLUMNS
            + " FROM session_search JOIN session_search_text t ON t.id = session_search.rowid "
            + "JOIN sessions s ON s.id = t.session_id WHERE session_search MATCH :match AND session_search.rowid IN (<rids>)";

    private record Chunk(long rid, double rank, String session, boolean visible) {}

    private SqliteBestChunks() {}

    /** The page of hits, or empty when the best chunks did not settle it (then rank everything). */
    static Optional<List<SearchHit>> search(Handle h, String match, List<String> projects, int limit, int offset) {
        long wanted = (long) offset + limit;
        for (long k = Math.max(FIRST_CHUNKS, wanted * 4); k <= MAX_CHUNKS; k *= 4) {
            List<Chunk> top = h.createQuery(TOP)
                    .bind("match", match)
                    .bindList("projects", projects)
                    .bind("k", k)
                    .map((rs, ctx) -> new Chunk(
                            rs.getLong("rid"),
                            rs.getDouble("r"),
                            rs.getString("session_id"),
                            rs.getInt("visible") == 1))
                    .list();
            boolean every = top.size() < k;
            double bound = every ? Double.POSITIVE_INFINITY : top.getLast().rank();
            // Rows come best first (rank, then rowid): a session's first row is its best chunk.
            Map<String, Chunk> best = new LinkedHashMap<>();
            for (Chunk chunk : top) {
                if (chunk.visible() && chunk.session() != null) {
                    best.putIfAbsent(chunk.session(), chunk);
                }
            }
            List<Chunk> sessions = new ArrayList<>(best.values());
            sessions.sort(Comparator.comparingDouble(Chunk::rank).thenComparing(Chunk::session));
            // Sure: ranked strictly better than the k-th chunk (an equal one may have been left out).
            long sure = every
                    ? sessions.size()
                    : sessions.stream().filter(c -> c.rank() < bound).count();
            if (every || sure >= wanted) {
                int from = (int) Math.min(offset, sessions.size());
                int to = (int) Math.min(wanted, sessions.size());
                return Optional.of(withSnippets(h, match, sessions.subList(from, to)));
            }
        }
        return Optional.empty();
    }

    private static List<SearchHit> withSnippets(Handle h, String match, List<Chunk> page) {
        if (page.isEmpty()) {
            return List.of();
        }
        Map<Long, SearchHit> hits = new HashMap<>();
        h.createQuery(SNIPPETS)
                .bind("match", match)
                .bindList("rids", page.stream().map(Chunk::rid).toList())
                .bind("markStart", String.valueOf(SearchText.MARK_START))
                .bind("markEnd", String.valueOf(SearchText.MARK_END))
                .map((rs, ctx) -> Map.entry(
                        rs.getLong("rid"),
                        JdbiSessionIndexQuery.mapHit(rs, SearchText.markedToHtml(rs.getString("snippet")))))
                .forEach(hit -> hits.put(hit.getKey(), hit.getValue()));
        return page.stream()
                .map(chunk -> hits.get(chunk.rid()))
                .filter(Objects::nonNull)
                .toList();
    }
}
