package dev.ccui.application.testing;

import dev.ccui.application.run.port.out.NodeHeartbeats;
import dev.ccui.application.run.port.out.RunEventLog;
import dev.ccui.application.run.port.out.RunRepository;
import dev.ccui.application.run.port.out.SessionForks;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.run.LoggedRunEvent;
import dev.ccui.domain.run.NodeId;
import dev.ccui.domain.run.Run;
import dev.ccui.domain.run.RunEvent;
import dev.ccui.domain.run.RunId;
import dev.ccui.domain.run.RunState;
import dev.ccui.domain.session.SessionId;
import dev.ccui.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The run repository, the event log and the node heartbeats in memory, with the database adapters' semantics. */
public final class InMemoryRunStore implements RunRepository, RunEventLog, NodeHeartbeats, SessionForks {
    private final Map<NodeId, Instant> heartbeats = new HashMap<>();
    private final Map<RunId, Run> runs = new LinkedHashMap<>();
    private final Map<SessionId, List<LoggedRunEvent>> events = new HashMap<>();
    private final Map<SessionId, Long> counters = new HashMap<>();
    private final Map<SessionId, SessionId> forks = new HashMap<>();

    @Override
    public synchronized void record(
            SessionId fork, SessionId origin, ProjectId projectId, UserId forkedBy, Instant at) {
        forks.putIfAbsent(fork, origin);
    }

    /** The session {@code fork} was forked from, or null. */
    public synchronized SessionId forkedFrom(SessionId fork) {
        return forks.get(fork);
    }

    @Override
    public synchronized LoggedRunEvent append(SessionId sessionId, RunId runId, RunEvent event, Instant at) {
        long seq = counters.merge(sessionId, 1L, Long::sum);
        LoggedRunEvent logged = new LoggedRunEvent(sessionId, runId, seq, at, event);
        events.computeIfAbsent(sessionId, id -> new ArrayList<>()).add(logged);
        return logged;
    }

    @Override
    public synchronized List<LoggedRunEvent> after(SessionId sessionId, long afterSeq, int limit) {
        return events.getOrDefault(sessionId, List.of()).stream()
                .filter(e -> e.seq() > afterSeq)
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized long firstSeqOfRun(SessionId sessionId, RunId runId) {
        return events.getOrDefault(sessionId, List.of()).stream()
                .filter(e -> e.runId().equals(runId))
                .mapToLong(LoggedRunEvent::seq)
                .findFirst()
                .orElse(0L);
    }

    @Override
    public synchronized long lastSeq(SessionId sessionId) {
        return counters.getOrDefault(sessionId, 0L);
    }

    @Override
    public synchronized int deleteOlderThan(Instant cutoff) {
        int removed = 0;
        for (List<LoggedRunEvent> list : events.values()) {
            int before = list.size();
            list.removeIf(e -> e.at().isBefore(cutoff));
            removed += before - list.size();
        }
        return removed;
    }

    /** Every stored event of the session, oldest first. */
    public synchronized List<LoggedRunEvent> all(SessionId sessionId) {
        return List.copyOf(events.getOrDefault(sessionId, List.of()));
    }

    @Override
    public synchronized boolean insert(Run run) {
        boolean duplicate = runs.values().stream()
                .anyMatch(r -> Objects.equals(r.userId(), run.userId())
                        && Objects.equals(r.clientMessageId(), run.clientMessageId())
                        && run.clientMessageId() != null);
        // As the database's unique index: one active run per session.
        boolean sessionBusy = !run.state().isFinal()
                && runs.values().stream()
                        .anyMatch(r -> r.sessionId().equals(run.sessionId())
                                && !r.state().isFinal());
        if (duplicate || sessionBusy || runs.containsKey(run.id())) {
            return false;
        }
        runs.put(run.id(), run);
        return true;
    }

    @Override
    public synchronized Optional<Run> findById(RunId id) {
        return Optional.ofNullable(runs.get(id));
    }

    @Override
    public synchronized Optional<Run> findByClientMessageId(UserId userId, String clientMessageId) {
        return runs.values().stream()
                .filter(r -> Objects.equals(r.userId(), userId) && Objects.equals(r.clientMessageId(), clientMessageId))
                .findFirst();
    }

    @Override
    public synchronized Optional<Run> latestOfSession(SessionId sessionId) {
        return runs.values().stream()
                .filter(r -> r.sessionId().equals(sessionId))
                .max(Comparator.comparing(Run::startedAt));
    }

    @Override
    public synchronized Optional<Run> activeOfSession(SessionId sessionId) {
        return runs.values().stream()
                .filter(r -> r.sessionId().equals(sessionId) && !r.state().isFinal())
                .findFirst();
    }

    @Override
    public synchronized void updateState(RunId id, RunState state, Instant endedAt) {
        Run run = runs.get(id);
        if (run != null) {
            runs.put(
                    id,
                    new Run(
                            run.id(),
                            run.sessionId(),
                            run.projectId(),
                            run.userId(),
                            state,
                            run.clientMessageId(),
                            run.startedAt(),
                            endedAt,
                            run.nodeId(),
                            run.model(),
                            run.effort()));
        }
    }

    @Override
    public synchronized List<Run> list(UserId userId, boolean activeOnly, int limit) {
        return runs.values().stream()
                .filter(r -> userId == null || userId.equals(r.userId()))
                .filter(r -> !activeOnly || r.active())
                .sorted(Comparator.comparing(Run::startedAt).reversed())
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized List<Run> activeOnNode(NodeId node) {
        return runs.values().stream()
                .filter(Run::active)
                .filter(r -> node.equals(r.nodeId()))
                .sorted(Comparator.comparing(Run::startedAt))
                .toList();
    }

    @Override
    public synchronized List<Run> activeOnSilentNodes(NodeId self, Instant heardBefore) {
        return runs.values().stream()
                .filter(Run::active)
                .filter(r -> !self.equals(r.nodeId()))
                .filter(r -> {
                    Instant heard = r.nodeId() == null ? null : heartbeats.get(r.nodeId());
                    return heard == null || heard.isBefore(heardBefore);
                })
                .sorted(Comparator.comparing(Run::startedAt))
                .toList();
    }

    @Override
    public synchronized boolean endIfActive(RunId id, RunState state, Instant endedAt) {
        Run run = runs.get(id);
        if (run == null || !run.active()) {
            return false;
        }
        updateState(id, state, endedAt);
        return true;
    }

    @Override
    public synchronized void beat(NodeId node, Instant at) {
        heartbeats.put(node, at);
    }

    @Override
    public synchronized Optional<Instant> lastBeat(NodeId node) {
        return Optional.ofNullable(heartbeats.get(node));
    }

    @Override
    public synchronized int deleteEndedBefore(Instant cutoff) {
        int before = runs.size();
        runs.values().removeIf(r -> r.endedAt() != null && r.endedAt().isBefore(cutoff));
        return before - runs.size();
    }
}
