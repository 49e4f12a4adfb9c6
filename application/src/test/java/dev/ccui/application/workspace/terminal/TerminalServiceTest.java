package dev.ccui.application.workspace.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.ccui.application.common.ClientInfo;
import dev.ccui.application.testing.FakeTerminalSpawner;
import dev.ccui.application.testing.FakeTerminalSpawner.FakeTerminal;
import dev.ccui.application.workspace.WorkspaceFixture;
import dev.ccui.application.workspace.terminal.port.in.OpenTerminalCommand;
import dev.ccui.application.workspace.terminal.port.in.TerminalAttachment;
import dev.ccui.application.workspace.terminal.port.in.TerminalSink;
import dev.ccui.domain.apikey.ApiKeyScope;
import dev.ccui.domain.audit.AuditAction;
import dev.ccui.domain.audit.AuditEntry;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.error.CcuiException;
import dev.ccui.domain.error.ForbiddenException;
import dev.ccui.domain.error.NotFoundException;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.user.Role;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The web shell as its users see it, on pretend programs: who may open one, the limits, reattaching, and its end. */
class TerminalServiceTest {
    private final WorkspaceFixture fixture = new WorkspaceFixture();
    private final FakeTerminalSpawner spawner = new FakeTerminalSpawner();
    private final ProjectId projectId = fixture.project.id();
    private TerminalService service = service(true, Duration.ofMinutes(5), 2, 3);

    private TerminalService service(boolean enabled, Duration grace, int perUser, int global) {
        return new TerminalService(
                fixture.access,
                spawner,
                fixture.auditor,
                new TerminalSettings(enabled, grace, 4096, perUser, global, "/opt/claude"));
    }

    @AfterEach
    void close() {
        service.close();
    }

    /** A browser tab's end of a terminal: what reached it, in order. */
    private static final class Tab implements TerminalSink {
        final List<String> seen = new ArrayList<>();

        @Override
        public synchronized void output(long seq, String data) {
            seen.add(seq + ":" + data);
        }

        @Override
        public synchronized void exited(int code) {
            seen.add("exit " + code);
        }

        @Override
        public synchronized void detached(String reason) {
            seen.add("detached: " + reason);
        }

        synchronized List<String> seen() {
            return List.copyOf(seen);
        }
    }

    private TerminalAttachment open(Principal who, Tab tab) {
        return service.open(who, projectId, new OpenTerminalCommand(80, 24, null), tab, ClientInfo.INTERNAL);
    }

    private static String code(Runnable action) {
        try {
            action.run();
        } catch (CcuiException e) {
            return e.code();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void aShellOpensInTheProjectFolderTakesInputAndResizes() {
        Tab tab = new Tab();
        TerminalAttachment terminal = open(fixture.member, tab);
        FakeTerminal shell = spawner.last();

        terminal.input("ls\n");
        terminal.resize(120, 40);
        shell.prints("a.txt\n");

        assertThat(shell.spec.directory()).isEqualTo(Path.of(fixture.project.path()));
        assertThat(shell.spec.command()).as("the login shell").isEmpty();
        assertThat(shell.input()).isEqualTo("ls\n");
        assertThat(shell.size()).isEqualTo("120x40");
        assertThat(tab.seen()).containsExactly("1:a.txt\n");
        assertThat(fixture.audited()).extracting(AuditEntry::action).containsExactly(AuditAction.TERMINAL_OPENED);
    }

    @Test
    void onlyPeopleOfTheProjectWithTheTerminalCapabilityOpenOne() {
        Principal noCapability = WorkspaceFixture.person("plain", Role.MEMBER, Set.of());
        fixture.projects.addMember(projectId, noCapability.userId());

        assertThatThrownBy(() -> service.checkAllowed(fixture.stranger, projectId))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> service.checkAllowed(fixture.owner, ProjectId.random()))
                .isInstanceOf(NotFoundException.class);
        assertThat(code(() -> service.checkAllowed(noCapability, projectId))).isEqualTo("CAPABILITY_REQUIRED");
        assertThat(code(() ->
                        service.checkAllowed(WorkspaceFixture.withKey(fixture.owner, ApiKeyScope.API), projectId)))
                .isEqualTo("SCOPE_REQUIRED");
        service.checkAllowed(WorkspaceFixture.withKey(fixture.owner, ApiKeyScope.API, ApiKeyScope.TERMINAL), projectId);
        service.checkAllowed(fixture.admin, projectId);

        assertThat(fixture.audited())
                .extracting(AuditEntry::action, AuditEntry::success)
                .as("a refused capability is on record")
                .containsExactly(tuple(AuditAction.CAPABILITY_REFUSED, false));
        assertThat(spawner.spawned()).isEmpty();
    }

    @Test
    void aSwitchedOffShellIsRefusedEvenToAdmins() {
        service.close();
        service = service(false, Duration.ofMinutes(5), 2, 3);

        assertThat(code(() -> service.checkAllowed(fixture.admin, projectId))).isEqualTo("TERMINAL_DISABLED");
        assertThat(code(() -> open(fixture.owner, new Tab()))).isEqualTo("TERMINAL_DISABLED");
    }

    @Test
    void aUserHasAtMostTheirShareOfTerminalsAndTheServerItsTotal() {
        open(fixture.owner, new Tab());
        TerminalAttachment second = open(fixture.owner, new Tab());
        assertThat(code(() -> open(fixture.owner, new Tab()))).isEqualTo("TERMINAL_LIMIT");

        second.kill();
        spawner.last().exits(0);
        open(fixture.owner, new Tab());
        open(fixture.member, new Tab());
        assertThat(code(() -> open(fixture.admin, new Tab())))
                .as("three on the server")
                .isEqualTo("TERMINAL_LIMIT");
        assertThat(service.openCount()).isEqualTo(3);
    }

    @Test
    void aDroppedTabReattachesFromItsLastSeqAndTheOldTabIsToldWhy() {
        Tab first = new Tab();
        TerminalAttachment opened = open(fixture.owner, first);
        FakeTerminal shell = spawner.last();
        shell.prints("one ");
        opened.detach();
        shell.prints("two ");
        shell.prints("three ");

        Tab second = new Tab();
        service.attach(fixture.owner, projectId, opened.terminalId(), 1, second);
        Tab third = new Tab();
        TerminalAttachment last = service.attach(fixture.owner, projectId, opened.terminalId(), 2, third);
        shell.prints("four ");
        shell.exits(3);

        assertThat(first.seen()).containsExactly("1:one ");
        assertThat(second.seen()).containsExactly("2:two ", "3:three ", "detached: attached from another connection");
        assertThat(third.seen()).containsExactly("3:three ", "4:four ", "exit 3");
        assertThat(last.terminalId()).isEqualTo(opened.terminalId());
        assertThat(service.openCount()).isZero();
    }

    @Test
    void onlyWhoOpenedATerminalMayAttachToIt() {
        TerminalAttachment opened = open(fixture.owner, new Tab());
        opened.detach();

        assertThat(code(() -> service.attach(fixture.member, projectId, opened.terminalId(), 0, new Tab())))
                .isEqualTo("NO_SUCH_TERMINAL");
        assertThat(code(() -> service.attach(fixture.admin, projectId, opened.terminalId(), 0, new Tab())))
                .isEqualTo("NO_SUCH_TERMINAL");
        ProjectId elsewhere = fixture.project("/work/elsewhere", fixture.owner).id();
        assertThat(code(() -> service.attach(fixture.owner, elsewhere, opened.terminalId(), 0, new Tab())))
                .isEqualTo("NO_SUCH_TERMINAL");
        assertThat(code(() -> service.attach(fixture.owner, projectId, "no-such-id", 0, new Tab())))
                .isEqualTo("NO_SUCH_TERMINAL");
    }

    @Test
    void anAbandonedTerminalEndsAfterTheGracePeriod() throws Exception {
        service.close();
        service = service(true, Duration.ofMillis(50), 2, 3);
        TerminalAttachment opened = open(fixture.owner, new Tab());
        FakeTerminal shell = spawner.last();

        opened.detach();

        shell.killed.get(10, TimeUnit.SECONDS);
        assertThat(code(() -> service.attach(fixture.owner, projectId, opened.terminalId(), 0, new Tab())))
                .isEqualTo("NO_SUCH_TERMINAL");
    }

    @Test
    void signingOutEndsTheTerminalsOfThatSignInOnly() {
        Tab fromThisSignIn = new Tab();
        open(fixture.owner, fromThisSignIn);
        FakeTerminal ended = spawner.last();
        Principal otherSignIn = new Principal(
                fixture.owner.userId(),
                fixture.owner.username(),
                fixture.owner.role(),
                fixture.owner.method(),
                "another-token",
                null,
                Set.of(),
                fixture.owner.capabilities());
        open(otherSignIn, new Tab());
        FakeTerminal kept = spawner.last();

        service.sessionEnded(fixture.owner.userId(), fixture.owner.tokenId());

        assertThat(ended.killed).isDone();
        assertThat(kept.killed).isNotDone();
        assertThat(fromThisSignIn.seen()).containsExactly("detached: signed out");
    }

    @Test
    void shuttingDownEndsEveryTerminalAndOpensNoMore() {
        open(fixture.owner, new Tab());
        open(fixture.member, new Tab());

        service.close();

        assertThat(spawner.spawned())
                .allSatisfy(shell -> assertThat(shell.killed).isDone());
        assertThat(code(() -> open(fixture.owner, new Tab()))).isEqualTo("UNAVAILABLE");
    }

    @Test
    void aTerminalTakesTheIdItsClientChoseAndNobodyElseCanTakeIt() {
        String chosen = "0b6f2a3e-5c1d-4e7f-9a8b-1c2d3e4f5a6b";
        TerminalAttachment opened = service.open(
                fixture.owner,
                projectId,
                new OpenTerminalCommand(80, 24, null, chosen),
                new Tab(),
                ClientInfo.INTERNAL);
        assertThat(opened.terminalId()).isEqualTo(chosen);
        // Another member naming the same id neither gets nor replaces it.
        assertThat(code(() -> service.open(
                        fixture.member,
                        projectId,
                        new OpenTerminalCommand(80, 24, null, chosen),
                        new Tab(),
                        ClientInfo.INTERNAL)))
                .isEqualTo("TERMINAL_EXISTS");
        assertThat(code(() -> service.attach(fixture.member, projectId, chosen, 0, new Tab())))
                .isEqualTo("NO_SUCH_TERMINAL");
        assertThat(code(() -> new OpenTerminalCommand(80, 24, null, "../../etc/passwd")))
                .isEqualTo("INVALID");
    }

    @Test
    void aDrainingNodeOpensNoNewTerminalButKeepsTheOnesItHolds() {
        TerminalAttachment opened = open(fixture.owner, new Tab());
        opened.detach();
        service.stopTaking();

        assertThat(code(() -> service.requireTakingNew(null))).isEqualTo("DRAINING");
        assertThat(code(() -> service.requireTakingNew("0b6f2a3e-5c1d-4e7f-9a8b-1c2d3e4f5a6b")))
                .isEqualTo("DRAINING");
        service.requireTakingNew(opened.terminalId());
        assertThat(code(() -> open(fixture.member, new Tab()))).isEqualTo("DRAINING");
        assertThat(service.attach(fixture.owner, projectId, opened.terminalId(), 0, new Tab())
                        .terminalId())
                .isEqualTo(opened.terminalId());
    }
}
