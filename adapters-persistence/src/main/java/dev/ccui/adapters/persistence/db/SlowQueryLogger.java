package dev.ccui.adapters.persistence.db;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times every statement Jdbi runs and reports the ones slower than a threshold: one WARN line
 * with the statement's name (the repository method that ran it) and its duration, and a call to
 * the {@link Listener} (bootstrap counts them in a metric). Never logs bound values: they can
 * hold password hashes, tokens or prompt text. A statement that stays slow logs at most once a
 * minute; the line says how many slow runs it had in between.
 */
public final class SlowQueryLogger implements SqlLogger {
    private static final Logger LOG = LoggerFactory.getLogger("dev.ccui.db.slow");
    private static final long QUIET_NANOS = Duration.ofMinutes(1).toNanos();
    private static final int MAX_NAMES = 1_000;

    /** Told about each statement; must be cheap and never throw. */
    public interface Listener {
        void executed(Duration took);

        void slow(String statement, Duration took);

        /** True when {@link #statement} wants every statement (tracing); costs a glance at the SQL each. */
        default boolean tracesStatements() {
            return false;
        }

        /** Every statement as {@code SELECT users} (verb and first table: no values), with its times. */
        default void statement(String operation, Instant start, Instant end, boolean failed) {}
    }

    private final Duration threshold;
    private final Listener listener;
    private final Map<String, Quiet> quiet = new ConcurrentHashMap<>();

    public SlowQueryLogger(Duration threshold, Listener listener) {
        if (threshold.isNegative()) {
            throw new IllegalArgumentException("the slow query threshold must not be negative");
        }
        this.threshold = threshold;
        this.listener = listener;
    }

    @Override
    public void logAfterExecution(StatementContext context) {
        finished(context);
    }

    @Override
    public void logException(StatementContext context, SQLException ex) {
        // A statement cancelled by a timeout is the slowest of all: it counts too.
        finished(context);
    }

    private void finished(StatementContext context) {
        Instant start = context.getExecutionMoment();
        Instant end =
                context.getCompletionMoment() != null ? context.getCompletionMoment() : context.getExceptionMoment();
        if (start == null || end == null) {
            return;
        }
        Duration took = Duration.between(start, end);
        listener.executed(took);
        if (listener.tracesStatements()) {
            String operation = verbAndTable(sql(context));
            int space = operation.indexOf(' ');
            operation = space < 0
                    ? operation.toUpperCase(Locale.ROOT)
                    : operation.substring(0, space).toUpperCase(Locale.ROOT) + operation.substring(space);
            listener.statement(operation, start, end, context.getCompletionMoment() == null);
        }
        if (took.compareTo(threshold) < 0) {
            return;
        }
        String name = name(context);
        listener.slow(name, took);
        if (quiet.size() > MAX_NAMES) {
            quiet.clear();
        }
        Quiet q = quiet.computeIfAbsent(name, n -> new Quiet());
        long now = System.nanoTime();
        long last = q.lastLogged.get();
        if (last != 0 && now - last < QUIET_NANOS) {
            q.since.incrementAndGet();
            return;
        }
        if (!q.lastLogged.compareAndSet(last, now)) {
            q.since.incrementAndGet();
            return;
        }
        long more = q.since.getAndSet(0);
        LOG.warn(
                "slow query {} took {} ms (threshold {} ms){}: {}",
                name,
                took.toMillis(),
                threshold.toMillis(),
                more == 0 ? "" : " [" + more + " more slow run(s) in the last minute]",
                shape(context));
    }

    /**
     * The repository method that ran the statement ({@code JdbiRunRepository.find}), found on the
     * stack only on this slow path; else the SQL's verb and first table.
     */
    static String name(StatementContext context) {
        Optional<String> caller = StackWalker.getInstance()
                .walk(frames -> frames.filter(f -> f.getClassName().startsWith("dev.ccui.")
                                && !f.getClassName().startsWith(SlowQueryLogger.class.getPackageName() + "."))
                        .findFirst()
                        .map(f -> f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1) + "."
                                + method(f.getMethodName())));
        return caller.orElseGet(() -> verbAndTable(sql(context)));
    }

    /** {@code lambda$find$3} (the body of {@code jdbi.withHandle(h -> ...)} in {@code find}) is {@code find}. */
    static String method(String name) {
        if (name.startsWith("lambda$")) {
            int end = name.indexOf('$', "lambda$".length());
            return end < 0 ? name : name.substring("lambda$".length(), end);
        }
        return name;
    }

    private static String sql(StatementContext context) {
        String sql = context.getRenderedSql();
        return sql == null ? String.valueOf(context.getRawSql()) : sql;
    }

    static String verbAndTable(String sql) {
        String[] words =
                sql.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT).split(" ");
        String verb = words.length == 0 ? "sql" : words[0];
        for (int i = 0; i < words.length - 1; i++) {
            if (words[i].equals("from") || words[i].equals("into") || words[i].equals("update")) {
                return verb + " " + words[i + 1].replaceAll("[^a-z0-9_.]", "");
            }
        }
        return verb;
    }

    /** The statement text on one line and cut short: its placeholders, never the values bound to them. */
    private static String shape(StatementContext context) {
        String sql = sql(context).strip().replaceAll("\\s+", " ");
        return sql.length() > 200 ? sql.substring(0, 200) + "…" : sql;
    }

    private static final class Quiet {
        final AtomicLong lastLogged = new AtomicLong();
        final AtomicLong since = new AtomicLong();
    }
}
