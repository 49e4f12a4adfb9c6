package dev.ccui.adapters.persistence.run;

import dev.ccui.adapters.persistence.TestDatabases;
import dev.ccui.adapters.persistence.db.Database;
import dev.ccui.adapters.persistence.events.InMemoryEventBus;
import dev.ccui.adapters.persistence.user.JdbiUserRepository;
import dev.ccui.application.audit.Auditor;
import dev.ccui.application.common.ClientInfo;
import dev.ccui.application.run.RunService;
import dev.ccui.application.run.RunSettings;
import dev.ccui.application.run.port.in.StartRunCommand;
import dev.ccui.application.testing.FakeClaudeRunner;
import dev.ccui.application.testing.InMemoryAuditRepository;
import dev.ccui.application.testing.InMemoryProjectRepository;
import dev.ccui.domain.auth.AuthMethod;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.project.Project;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.run.RunEvent;
import dev.ccui.domain.user.Role;
import dev.ccui.domain.user.UserId;
import dev.ccui.domain.user.Username;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Figures, not assertions: the app's own share of the way from a CLI line to a subscriber, that
 * is the runner's listener call to the subscriber's sink (the append to the SQLite event log, the
 * event bus and the fan-out), with 1 and with 100 subscribers of the session. The WebSocket
 * write that follows is not in it. Run by hand:
 * {@code java -cp … dev.ccui.adapters.persistence.run.RunEventPathBenchmark}.
 */
public final class RunEventPathBenchmark {
    private static final int EVENTS = 2_000;

    private RunEventPathBenchmark() {}

    public static void main(String[] args) throws Exception {
        for (int subscribers : new int[] {1, 100}) {
            Path folder = Files.createTempDirectory("ccui-bench");
            try (Database database = TestDatabases.sqlite(folder)) {
                measure(database, subscribers);
            }
        }
    }

    private static void measure(Database database, int subscribers) {
        var runner = new FakeClaudeRunner();
        var projects = new InMemoryProjectRepository();
        var user = new Principal(
                UserId.random(), new Username("bench"), Role.ADMIN, AuthMethod.BEARER, null, null, Set.of());
        var project = new Project(
                ProjectId.random(),
                "/w/bench",
                "bench",
                false,
                false,
                false,
                false,
                user.userId(),
                Instant.now(),
                Instant.now());
        projects.insert(project);
        var runs = new JdbiRunRepository(database.jdbi());
        try (var service = new RunService(
                runner,
                new JdbiRunEventLog(database.jdbi()),
                runs,
                new JdbiNodeHeartbeats(database.jdbi()),
                projects,
                id -> Optional.empty(),
                new InMemoryEventBus(),
                new Auditor(new InMemoryAuditRepository(), Clock.systemUTC()),
                Clock.systemUTC(),
                RunSettings.defaults(),
                new JdbiQueuedMessages(database.jdbi()),
                new JdbiSessionForks(database.jdbi()),
                new JdbiUserRepository(database.jdbi()))) {
            var started = service.start(
                    user,
                    new StartRunCommand(project.id(), null, "go", List.of(), null, null, List.of(), "bench"),
                    ClientInfo.INTERNAL);
            long[] latencies = new long[EVENTS * subscribers];
            AtomicInteger next = new AtomicInteger();
            var cli = runner.last();
            cli.emit(new RunEvent.RunStarted(started.sessionId().value(), "m", "/w/bench", "default", List.of(), "x"));
            for (int i = 0; i < subscribers; i++) {
                service.subscribe(user, started.sessionId(), 1, event -> {
                            if (event.event() instanceof RunEvent.AssistantDelta delta) {
                                latencies[next.getAndIncrement()] = System.nanoTime() - Long.parseLong(delta.text());
                            }
                        })
                        .replay();
            }
            for (int i = 0; i < EVENTS; i++) {
                cli.emit(new RunEvent.AssistantDelta("m", 0, "text", Long.toString(System.nanoTime()), null));
            }
            long[] sorted = Arrays.copyOf(latencies, next.get());
            Arrays.sort(sorted);
            System.out.printf(
                    "subscribers=%d events=%d deliveries=%d p50=%.3f ms p99=%.3f ms max=%.3f ms%n",
                    subscribers,
                    EVENTS,
                    sorted.length,
                    sorted[sorted.length / 2] / 1e6,
                    sorted[(int) (sorted.length * 0.99)] / 1e6,
                    sorted[sorted.length - 1] / 1e6);
        }
    }
}
