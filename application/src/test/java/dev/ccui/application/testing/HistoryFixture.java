package dev.ccui.application.testing;

import dev.ccui.application.audit.Auditor;
import dev.ccui.application.history.HistoryService;
import dev.ccui.application.history.IndexService;
import dev.ccui.application.history.IndexSettings;
import dev.ccui.application.project.ProjectSafety;
import dev.ccui.application.project.ProjectService;
import dev.ccui.application.testing.InMemoryTranscriptStore.Message;
import dev.ccui.domain.auth.AuthMethod;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.events.AppEvent;
import dev.ccui.domain.history.HistoryMessage;
import dev.ccui.domain.history.MessageBlock;
import dev.ccui.domain.project.Project;
import dev.ccui.domain.project.ProjectFolderRule;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.user.Role;
import dev.ccui.domain.user.User;
import dev.ccui.domain.user.UserId;
import dev.ccui.domain.user.Username;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The history and project features on in-memory out-ports: the indexer, the history and the
 * projects over one store, three accounts (the first admin, a member, a stranger) and folders
 * that exist under {@code /work}.
 */
public final class HistoryFixture {
    public static final Instant T0 = Instant.parse("2026-05-01T09:00:00Z");

    public final MutableClock clock = new MutableClock(T0);
    public final InMemoryStores stores = new InMemoryStores();
    public final InMemoryTranscriptStore transcripts = new InMemoryTranscriptStore();
    public final SyncEventBus events = new SyncEventBus();
    /** Every event published, in order. */
    public final List<AppEvent> published = new CopyOnWriteArrayList<>();
    /** Folders that exist (what a user may register), by their real path. */
    public final Set<String> folders = ConcurrentHashMap.newKeySet();

    public final Auditor auditor = new Auditor(stores.audit, clock);
    public final IndexService indexer;
    public final HistoryService history;
    public final ProjectService projects;
    public final Principal admin;
    public final Principal member;
    public final Principal stranger;

    public HistoryFixture() {
        events.subscribe(published::add);
        admin = account("ada", Role.ADMIN);
        clock.advance(Duration.ofMinutes(1));
        member = account("mia", Role.MEMBER);
        stranger = account("sam", Role.MEMBER);
        indexer = new IndexService(
                transcripts, stores.sessions, stores.projects, stores.users, events, clock, IndexSettings.defaults());
        history = new HistoryService(
                stores.sessions, stores.sessions, transcripts, stores.projects, events, auditor, indexer);
        var safety = new ProjectSafety(
                stores.projects,
                stores.users,
                new ProjectFolderRule(Path.of("/work"), List.of(Path.of("/data"))),
                events,
                clock);
        projects = new ProjectService(
                stores.projects,
                stores.sessions,
                stores.users,
                path -> folders.contains(path) ? Optional.of(Path.of(path)) : Optional.empty(),
                events,
                auditor,
                clock,
                safety);
    }

    private Principal account(String name, Role role) {
        User user = new User(
                UserId.random(), new Username(name), role, false, "hash", clock.instant(), clock.instant(), null);
        stores.users.insert(user);
        return new Principal(user.id(), user.username(), role, AuthMethod.BEARER, "token-" + name, null, Set.of());
    }

    /** A project of {@code owner} (null: discovered) at {@code path}, shared with {@code members}. */
    public ProjectId project(String path, Principal owner, Principal... members) {
        Project project = new Project(
                ProjectId.random(),
                path,
                Project.defaultName(path),
                false,
                false,
                false,
                owner == null,
                owner == null ? null : owner.userId(),
                clock.instant(),
                clock.instant());
        stores.projects.insert(project);
        for (Principal each : members) {
            stores.projects.addMember(project.id(), each.userId());
        }
        return project.id();
    }

    /** The text of each message, as a page shows it. */
    public static List<String> texts(List<HistoryMessage> messages) {
        return messages.stream()
                .map(message -> ((MessageBlock.Text) message.blocks().getFirst()).text())
                .toList();
    }

    /** Messages alternating user and assistant, a minute apart from now. */
    public List<Message> messages(String... texts) {
        List<Message> messages = new ArrayList<>();
        for (String text : texts) {
            clock.advance(Duration.ofMinutes(1));
            messages.add(new Message(
                    "m-" + messages.size() + "-" + text.hashCode(),
                    messages.size() % 2 == 0 ? "user" : "assistant",
                    text,
                    clock.instant()));
        }
        return messages;
    }
}
