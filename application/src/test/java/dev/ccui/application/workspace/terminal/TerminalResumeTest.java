package dev.ccui.application.workspace.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ccui.application.audit.Auditor;
import dev.ccui.application.common.ClientInfo;
import dev.ccui.application.history.CliCleanupPeriod;
import dev.ccui.application.project.ProjectAccess;
import dev.ccui.application.testing.InMemoryAuditRepository;
import dev.ccui.application.testing.InMemoryProjectRepository;
import dev.ccui.application.workspace.terminal.port.in.OpenTerminalCommand;
import dev.ccui.application.workspace.terminal.port.in.TerminalSink;
import dev.ccui.application.workspace.terminal.port.out.ResumableSessions;
import dev.ccui.application.workspace.terminal.port.out.TerminalProcess;
import dev.ccui.application.workspace.terminal.port.out.TerminalSpec;
import dev.ccui.domain.auth.AuthMethod;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.error.NotFoundException;
import dev.ccui.domain.project.Project;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.session.SessionId;
import dev.ccui.domain.user.Role;
import dev.ccui.domain.user.UserId;
import dev.ccui.domain.user.Username;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code claude --resume} in the web terminal: the app's clean-up period, and an archived transcript written back first. */
class TerminalResumeTest {
    private static final SessionId SESSION = new SessionId("0b5e6f0e-1111-4222-8333-444455556666");

    private final List<TerminalSpec> spawned = new ArrayList<>();
    private final List<String> events = new ArrayList<>();

    private TerminalService service(CliCleanupPeriod cleanup, InMemoryProjectRepository projects, ProjectId home) {
        return new TerminalService(
                new ProjectAccess(projects),
                (spec, output) -> {
                    events.add("spawn");
                    spawned.add(spec);
                    return new TerminalProcess() {
                        public void write(String data) {}

                        public void resize(int cols, int rows) {}

                        public void kill() {}

                        public boolean alive() {
                            return true;
                        }

                        public long pid() {
                            return 1;
                        }
                    };
                },
                new Auditor(new InMemoryAuditRepository(), Clock.systemUTC()),
                new TerminalSettings(true, Duration.ofMinutes(1), 4096, 5, 5, "/opt/claude", cleanup),
                new ResumableSessions() {
                    @Override
                    public Optional<ProjectId> projectOf(SessionId session) {
                        return session.equals(SESSION) ? Optional.of(home) : Optional.empty();
                    }

                    @Override
                    public void prepareResume(SessionId session) {
                        events.add("restore " + session.value());
                    }
                });
    }

    private static final TerminalSink SINK = new TerminalSink() {
        public void output(long seq, String data) {}

        public void exited(int code) {}

        public void detached(String reason) {}
    };

    @Test
    void resumingWritesTheArchivedTranscriptBackThenStartsClaudeWithTheAppsCleanUpPeriod() {
        var projects = new InMemoryProjectRepository();
        Project project = new Project(
                ProjectId.random(), "/work/p", "p", false, false, false, false, null, Instant.now(), Instant.now());
        projects.insert(project);
        Principal admin = new Principal(
                UserId.random(), new Username("admin"), Role.ADMIN, AuthMethod.BEARER, null, null, Set.of());

        try (TerminalService keep = service(CliCleanupPeriod.keep(), projects, project.id())) {
            keep.open(admin, project.id(), new OpenTerminalCommand(80, 24, SESSION), SINK, ClientInfo.INTERNAL);
            keep.open(admin, project.id(), new OpenTerminalCommand(80, 24, null), SINK, ClientInfo.INTERNAL);
        }
        try (TerminalService cli = service(CliCleanupPeriod.cliDefault(), projects, project.id())) {
            cli.open(admin, project.id(), new OpenTerminalCommand(80, 24, SESSION), SINK, ClientInfo.INTERNAL);
        }

        assertThat(events)
                .containsExactly("restore " + SESSION.value(), "spawn", "spawn", "restore " + SESSION.value(), "spawn");
        assertThat(spawned.get(0).command())
                .containsExactly(
                        "/opt/claude", "--settings", "{\"cleanupPeriodDays\":36500}", "--resume", SESSION.value());
        assertThat(spawned.get(1).command()).as("a shell").isEmpty();
        assertThat(spawned.get(2).command()).containsExactly("/opt/claude", "--resume", SESSION.value());
    }

    @Test
    void onlyASessionOfThisVeryProjectIsResumedNeverOneOfAnotherOrUnknown() {
        var projects = new InMemoryProjectRepository();
        Project mine = new Project(
                ProjectId.random(),
                "/work/mine",
                "mine",
                false,
                false,
                false,
                false,
                null,
                Instant.now(),
                Instant.now());
        Project other = new Project(
                ProjectId.random(),
                "/work/other",
                "other",
                false,
                false,
                false,
                false,
                null,
                Instant.now(),
                Instant.now());
        projects.insert(mine);
        projects.insert(other);
        Principal admin = new Principal(
                UserId.random(), new Username("admin"), Role.ADMIN, AuthMethod.BEARER, null, null, Set.of());
        try (TerminalService service = service(CliCleanupPeriod.keep(), projects, other.id())) {
            assertThatThrownBy(() -> service.open(
                            admin, mine.id(), new OpenTerminalCommand(80, 24, SESSION), SINK, ClientInfo.INTERNAL))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("no such session in this project");
            SessionId unknown = new SessionId("0b5e6f0e-9999-4222-8333-444455556666");
            assertThatThrownBy(() -> service.open(
                            admin, other.id(), new OpenTerminalCommand(80, 24, unknown), SINK, ClientInfo.INTERNAL))
                    .isInstanceOf(NotFoundException.class);
        }
        assertThat(events).as("nothing restored, nothing started").isEmpty();
    }
}
