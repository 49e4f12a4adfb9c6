package dev.ccui.bootstrap.components;

import dev.ccui.adapters.http.RouteGroup;
import dev.ccui.adapters.http.metrics.HttpMetrics;
import dev.ccui.adapters.http.session.SessionRoutes;
import dev.ccui.adapters.persistence.db.Database;
import dev.ccui.adapters.persistence.history.JdbiSessionIndexQuery;
import dev.ccui.adapters.persistence.history.JdbiSessionIndexWriter;
import dev.ccui.adapters.persistence.history.JdbiSessionMarks;
import dev.ccui.adapters.persistence.history.JdbiTranscriptArchive;
import dev.ccui.adapters.persistence.history.PostgresIndexLock;
import dev.ccui.adapters.process.os.ReniceBackgroundPriority;
import dev.ccui.adapters.process.transcript.FileTranscriptStore;
import dev.ccui.adapters.process.transcript.TranscriptLimits;
import dev.ccui.application.audit.Auditor;
import dev.ccui.application.events.port.out.EventBus;
import dev.ccui.application.health.port.out.HealthProbe;
import dev.ccui.application.history.ArchiveRestorer;
import dev.ccui.application.history.HistoryService;
import dev.ccui.application.history.IndexHealthProbe;
import dev.ccui.application.history.IndexService;
import dev.ccui.application.history.IndexSettings;
import dev.ccui.application.history.port.out.SessionIndexQuery;
import dev.ccui.application.history.port.out.TranscriptArchive;
import dev.ccui.application.project.port.out.ProjectRepository;
import dev.ccui.application.run.port.out.SessionProjects;
import dev.ccui.application.user.port.out.UserRepository;
import dev.ccui.bootstrap.config.ClaudeConfig;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.session.SessionId;
import dev.ccui.domain.session.SessionSummary;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The transcripts the CLI writes, their index and the app's own archive of them, and session history. */
public final class HistoryComponents implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HistoryComponents.class);
    private final SessionIndexQuery index;
    private final TranscriptArchive archive;
    private final ArchiveRestorer restorer;
    private final IndexService indexer;
    private final HistoryService history;
    private final boolean indexTranscripts;
    private final Path configDir;
    private volatile TranscriptArchive.Stats archiveStats;
    private volatile long archiveStatsAt;

    private HistoryComponents(
            SessionIndexQuery index,
            TranscriptArchive archive,
            ArchiveRestorer restorer,
            IndexService indexer,
            HistoryService history,
            boolean indexTranscripts,
            Path configDir) {
        this.indexTranscripts = indexTranscripts;
        this.configDir = configDir;
        this.index = index;
        this.archive = archive;
        this.restorer = restorer;
        this.indexer = indexer;
        this.history = history;
    }

    public static HistoryComponents build(
            ClaudeConfig config,
            Database database,
            ProjectRepository projects,
            UserRepository users,
            EventBus events,
            Auditor auditor,
            Clock clock) {
        var index = new JdbiSessionIndexQuery(database);
        // The app's own copy of every transcript: sessions whose files vanish stay readable and searchable.
        TranscriptArchive archive =
                config.archive() ? new JdbiTranscriptArchive(database, clock) : TranscriptArchive.NONE;
        var transcripts = new FileTranscriptStore(config.configDir(), TranscriptLimits.defaults(), archive);
        // Writes an archived session's transcript back before the CLI resumes it (chat or terminal).
        var restorer = new ArchiveRestorer(index, archive, transcripts);
        var indexer = new IndexService(
                transcripts,
                new JdbiSessionIndexWriter(database),
                projects,
                users,
                events,
                clock,
                IndexSettings.defaults(),
                archive,
                config.archiveRetention().orElse(null),
                PostgresIndexLock.of(database),
                new ReniceBackgroundPriority());
        return new HistoryComponents(
                index,
                archive,
                restorer,
                indexer,
                new HistoryService(
                        index, new JdbiSessionMarks(database), transcripts, projects, events, auditor, indexer),
                config.indexTranscripts(),
                config.configDir());
    }

    public SessionIndexQuery index() {
        return index;
    }

    public HistoryService history() {
        return history;
    }

    /** The transcript indexer; {@link #start()} starts it, tests may drive {@link IndexService#scanAll()}. */
    public IndexService indexer() {
        return indexer;
    }

    /** Writes an archived session's transcript back before the CLI resumes it. */
    public ArchiveRestorer restorer() {
        return restorer;
    }

    /** Which project a session belongs to, and its transcript restored before a run resumes it. */
    public SessionProjects sessionProjects() {
        return new SessionProjects() {
            @Override
            public Optional<ProjectId> projectOf(SessionId id) {
                return index.summary(id).map(SessionSummary::projectId);
            }

            @Override
            public void prepareResume(SessionId id) {
                restorer.restore(id);
            }
        };
    }

    public HealthProbe healthProbe() {
        return new IndexHealthProbe(indexer);
    }

    public List<RouteGroup> routes() {
        return List.of(new SessionRoutes(history));
    }

    /** The index and archive figures read at scrape time. */
    public void bindGauges(HttpMetrics metrics) {
        metrics.gauge(
                "ccui.index.files",
                "transcript files indexed",
                () -> indexer.indexProgress().filesDone());
        metrics.gauge(
                "ccui.index.bytes",
                "transcript bytes indexed",
                () -> indexer.indexProgress().bytesDone());
        metrics.gauge(
                "ccui.archive.raw.bytes",
                "transcript bytes kept in the archive (before compression)",
                () -> archiveStats().rawBytes());
        metrics.gauge(
                "ccui.archive.stored.bytes",
                "bytes the archive takes in the database (gzip)",
                () -> archiveStats().storedBytes());
        metrics.gauge(
                "ccui.index.lag.ms",
                "delay from a transcript change to the index",
                () -> indexer.indexProgress().lastChangeLagMs());
    }

    /** The archive's figures, summed by the database at most once a minute (scrapes come more often). */
    private TranscriptArchive.Stats archiveStats() {
        long now = System.nanoTime();
        TranscriptArchive.Stats cached = archiveStats;
        if (cached == null || now - archiveStatsAt > TimeUnit.MINUTES.toNanos(1)) {
            cached = archive.stats();
            archiveStats = cached;
            archiveStatsAt = now;
        }
        return cached;
    }

    /** Starts indexing (a first full scan, then watching); it never holds the server up. */
    public void start() {
        if (!indexTranscripts) {
            LOG.info(
                    "not indexing {} (CCUI_INDEX_TRANSCRIPTS=false): another node does; history is read from the database",
                    configDir);
            return;
        }
        indexer.start();
    }

    @Override
    public void close() {
        indexer.close();
    }
}
