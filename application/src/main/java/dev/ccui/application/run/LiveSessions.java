package dev.ccui.application.run;

import dev.ccui.application.permission.port.out.PermissionRuleStore;
import dev.ccui.application.run.port.in.StartRunCommand;
import dev.ccui.application.run.port.out.ClaudeRunner;
import dev.ccui.application.run.port.out.RunSpec;
import dev.ccui.application.run.port.out.RunningProcess;
import dev.ccui.application.run.port.out.SessionProjects;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.error.CcuiException;
import dev.ccui.domain.permission.PermissionRule;
import dev.ccui.domain.permission.ToolRules;
import dev.ccui.domain.project.Project;
import dev.ccui.domain.run.Run;
import dev.ccui.domain.run.RunId;
import dev.ccui.domain.session.SessionId;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The sessions with a CLI process on this node, and how a run gets one: the session's own
 * process takes the next turn while it lives (no start-up, the CLI keeps its context), a fresh
 * one resumes the session otherwise. Idle processes are kept up to {@code maxIdle}: past that, a
 * new process first ends the least recently used idle one (its session resumes in a fresh one at
 * its next message). Without a cap, idle CLIs were only ended by their 10-minute idle timer: a
 * soak starting a session every few seconds had over 400 CLIs (~100 MB each) alive on one node.
 */
final class LiveSessions {
    private final Map<SessionId, LiveSession> sessions = new ConcurrentHashMap<>();
    private final ClaudeRunner runner;
    private final SessionProjects index;
    private final LiveSession.Services services;
    private final PermissionRuleStore savedRules;
    private final int maxIdle;

    LiveSessions(
            ClaudeRunner runner,
            SessionProjects index,
            LiveSession.Services services,
            PermissionRuleStore savedRules,
            int maxIdle) {
        this.runner = runner;
        this.index = index;
        this.services = services;
        this.savedRules = savedRules;
        this.maxIdle = maxIdle;
    }

    /** The session's live process, or {@code null}. */
    LiveSession get(SessionId sessionId) {
        return sessions.get(sessionId);
    }

    boolean hasActiveRun(SessionId sessionId) {
        LiveSession live = sessions.get(sessionId);
        return live != null && live.hasActiveRun();
    }

    /** The session's run active on this node, or {@code null}. */
    RunId activeRunId(SessionId sessionId) {
        LiveSession live = sessions.get(sessionId);
        return live == null ? null : live.currentRunId();
    }

    int activeRuns() {
        return (int)
                sessions.values().stream().filter(LiveSession::hasActiveRun).count();
    }

    long activeRunsOf(Principal caller) {
        return sessions.values().stream()
                .filter(live -> live.activeRunOf(caller))
                .count();
    }

    /** Called one start at a time (admission holds its lock), so two launches never race for a session. */
    void launch(Run run, Principal caller, Project project, StartRunCommand command, boolean resume) {
        ToolRules rules = savedRules(project, caller);
        LiveSession live = sessions.get(run.sessionId());
        boolean reuse = live != null && live.alive();
        if (reuse && !rules.equals(live.rules())) {
            // The CLI takes its rules at start only (2.1.328 merges rules sent later, so a removed
            // one would stay): between turns, its process makes way for one with the rules as saved now.
            live.retire();
            reuse = false;
            resume = true;
        }
        if (!reuse) {
            makeRoomForAProcess();
            live = open(run, caller, rules, Path.of(project.path()));
        } else {
            live.begin(run, caller);
            live.adjust(command);
            if (live.send(run, command) || !live.detach(run)) {
                return;
            }
            // The process ended between turns: continue in a fresh one.
            makeRoomForAProcess();
            live = open(run, caller, rules, Path.of(project.path()));
            resume = true;
        }
        if (resume) {
            // An archived session's transcript is written back first: the CLI resumes from the file.
            index.prepareResume(run.sessionId());
        }
        if (command.forkFrom() != null) {
            index.prepareResume(command.forkFrom());
        }
        RunSpec spec = new RunSpec(
                Path.of(project.path()),
                run.sessionId(),
                resume,
                command.model(),
                command.permissionMode(),
                Stream.concat(command.allowedTools().stream(), rules.allow().stream())
                        .distinct()
                        .toList(),
                rules.deny(),
                Map.of(),
                caller.userId(),
                command.forkFrom(),
                command.effort());
        RunningProcess process;
        try {
            process = runner.start(spec, live);
        } catch (CcuiException | IllegalStateException e) {
            live.failed(run, "cli_start_failed", e.getMessage());
            return;
        }
        live.attach(process);
        live.send(run, command);
    }

    /** The project's rules for the caller, then the caller's own for every project (a deny anywhere wins). */
    private ToolRules savedRules(Project project, Principal caller) {
        if (savedRules == null) {
            return ToolRules.NONE;
        }
        List<PermissionRule> applying = Stream.concat(
                        savedRules.ofProject(project.id()).stream(), savedRules.ofUser(caller.userId()).stream())
                .toList();
        return ToolRules.of(applying, caller.userId());
    }

    private LiveSession open(Run run, Principal caller, ToolRules rules, Path projectRoot) {
        LiveSession live = new LiveSession(
                run.sessionId(), services, rules, projectRoot, gone -> sessions.remove(gone.sessionId(), gone));
        sessions.put(run.sessionId(), live);
        live.begin(run, caller);
        return live;
    }

    /** Ends the least recently used idle processes until fewer than {@code maxIdle} are left. */
    private void makeRoomForAProcess() {
        List<LiveSession> idle = sessions.values().stream()
                .filter(LiveSession::idle)
                .sorted(java.util.Comparator.comparingLong(LiveSession::lastBegun))
                .toList();
        for (int i = 0; i <= idle.size() - maxIdle; i++) {
            idle.get(i).retire();
        }
    }

    /** Ends every active run {@code lost}; how many there were. */
    int handOverAll() {
        int handed = 0;
        for (LiveSession live : List.copyOf(sessions.values())) {
            if (live.handOver()) {
                handed++;
            }
        }
        return handed;
    }

    /** Ends every process; their runs end as the processes report it. */
    void closeAll() {
        List.copyOf(sessions.values()).forEach(LiveSession::closeProcess);
    }
}
