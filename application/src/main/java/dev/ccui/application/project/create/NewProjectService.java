package dev.ccui.application.project.create;

import dev.ccui.application.audit.Auditor;
import dev.ccui.application.common.ClientInfo;
import dev.ccui.application.project.ProjectSafety;
import dev.ccui.application.project.create.port.in.CloneCommand;
import dev.ccui.application.project.create.port.in.CloneOperation;
import dev.ccui.application.project.create.port.in.NewProjectCommand;
import dev.ccui.application.project.create.port.in.NewProjectUseCase;
import dev.ccui.application.project.create.port.out.GitRepositories;
import dev.ccui.application.project.create.port.out.NewFolders;
import dev.ccui.application.project.port.in.ProjectUseCase;
import dev.ccui.application.project.port.out.WorkspacePaths;
import dev.ccui.domain.audit.AuditAction;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.error.CcuiException;
import dev.ccui.domain.error.ConflictException;
import dev.ccui.domain.error.ForbiddenException;
import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.error.NotFoundException;
import dev.ccui.domain.project.ProjectFolderRule;
import dev.ccui.domain.project.create.CloneId;
import dev.ccui.domain.project.create.CloneSource;
import dev.ccui.domain.project.create.CloneState;
import dev.ccui.domain.project.create.FolderName;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * New projects made by the app. The folder is confined exactly like a registration (inside the
 * workspaces root, not the root itself, not overlapping the app's folders or a project the caller
 * may not use) before anything is created, and created fresh: an existing folder is never taken
 * over. A clone's local source passes the same rule, so a clone never reads what the caller could
 * not register. What failed or was cancelled leaves no folder behind.
 */
public final class NewProjectService implements NewProjectUseCase {
    private static final Logger LOG = LoggerFactory.getLogger(NewProjectService.class);
    /** Finished clones stay readable this long, for a page that reconnects to read the outcome. */
    private static final Duration KEEP_FINISHED = Duration.ofMinutes(15);

    private static final int CLONES_PER_USER = 3;

    private final ProjectUseCase projects;
    private final ProjectSafety safety;
    private final WorkspacePaths paths;
    private final NewFolders folders;
    private final GitRepositories git;
    private final Auditor auditor;
    private final Clock clock;
    private final Map<CloneId, RunningClone> clones = new ConcurrentHashMap<>();
    private final FolderPlacement placement;

    public NewProjectService(
            ProjectUseCase projects,
            ProjectSafety safety,
            WorkspacePaths paths,
            NewFolders folders,
            GitRepositories git,
            Auditor auditor,
            Clock clock) {
        this.projects = projects;
        this.safety = safety;
        this.paths = paths;
        this.folders = folders;
        this.git = git;
        this.auditor = auditor;
        this.clock = clock;
        this.placement = new FolderPlacement(safety, paths, auditor);
    }

    @Override
    public ProjectUseCase.Registered createProject(Principal caller, NewProjectCommand command, ClientInfo client) {
        String name = FolderName.require("name", command.name());
        Path target = placement.target(caller, command.parent(), name, client, AuditAction.PROJECT_CREATED);
        Path created = folders.create(target.getParent(), name);
        try {
            if (command.gitInit()) {
                git.init(created);
            }
            ProjectUseCase.Registered registered = projects.registerProject(caller, created.toString(), name, client);
            auditor.record(
                    AuditAction.PROJECT_CREATED,
                    caller,
                    created.toString(),
                    client,
                    true,
                    command.gitInit() ? "git init" : null);
            return registered;
        } catch (RuntimeException e) {
            folders.deleteTree(created);
            throw e;
        }
    }

    @Override
    public CloneOperation startClone(Principal caller, CloneCommand command, ClientInfo client) {
        CloneSource source = CloneSource.parse(command.url());
        String name = FolderName.require("name", command.name() == null ? source.defaultFolderName() : command.name());
        Path localSource = source.kind() == CloneSource.Kind.LOCAL ? localSource(caller, source, client) : null;
        Path target = placement.target(caller, command.parent(), name, client, AuditAction.PROJECT_CLONED);
        if (localSource != null && ProjectFolderRule.overlaps(localSource, target)) {
            throw new InvalidException("name", "a repository cannot be cloned into itself");
        }
        purgeFinished();
        long running = clones.values().stream()
                .filter(c -> c.userId.equals(caller.userId())
                        && !c.snapshot().state().finished())
                .count();
        if (running >= CLONES_PER_USER) {
            throw new ConflictException("CLONE_LIMIT", "you have " + running + " clones running: wait or cancel one");
        }
        Path created = folders.create(target.getParent(), name);
        RunningClone clone =
                new RunningClone(CloneId.random(), caller.userId(), source.location(), created, clock.instant());
        clones.put(clone.id, clone);
        String gitSource = localSource != null ? localSource.toString() : source.location();
        Thread.ofVirtual()
                .name("clone-" + clone.id)
                .start(() -> run(caller, clone, gitSource, localSource, name, client));
        return clone.snapshot();
    }

    private void run(
            Principal caller, RunningClone clone, String gitSource, Path localSource, String name, ClientInfo client) {
        String url = clone.snapshot().url();
        try {
            git.clone(gitSource, localSource, clone.target, clone::progress, clone.cancellation);
            if (clone.cancellation.cancelled()) {
                throw new ConflictException("CLONE_CANCELLED", "the clone was cancelled");
            }
            var registered = projects.registerProject(caller, clone.target.toString(), name, client);
            auditor.record(AuditAction.PROJECT_CLONED, caller, clone.target.toString(), client, true, "from " + url);
            clone.finish(CloneState.SUCCEEDED, registered.project().project().id(), null, null, clock.instant());
        } catch (RuntimeException e) {
            folders.deleteTree(clone.target);
            boolean cancelled = clone.cancellation.cancelled();
            String code = e instanceof CcuiException known ? known.code() : "GIT_FAILED";
            String message = e instanceof CcuiException ? e.getMessage() : "the clone failed";
            if (!(e instanceof CcuiException)) {
                LOG.warn("clone of {} into {} failed", url, clone.target, e);
            }
            auditor.record(
                    AuditAction.PROJECT_CLONED,
                    caller,
                    clone.target.toString(),
                    client,
                    false,
                    cancelled ? "cancelled" : code + " from " + url);
            clone.finish(
                    cancelled ? CloneState.CANCELLED : CloneState.FAILED,
                    null,
                    cancelled ? "CLONE_CANCELLED" : code,
                    cancelled ? "the clone was cancelled" : message,
                    clock.instant());
        }
    }

    @Override
    public CloneOperation clone(Principal caller, CloneId id) {
        return visible(caller, id).snapshot();
    }

    @Override
    public AutoCloseable follow(Principal caller, CloneId id, Consumer<CloneOperation> listener) {
        Runnable stop = visible(caller, id).listen(listener);
        return stop::run;
    }

    @Override
    public CloneOperation cancelClone(Principal caller, CloneId id, ClientInfo client) {
        RunningClone clone = visible(caller, id);
        clone.cancellation.cancel();
        return clone.snapshot();
    }

    private RunningClone visible(Principal caller, CloneId id) {
        purgeFinished();
        RunningClone clone = clones.get(id);
        if (clone == null || !(caller.isAdmin() || clone.userId.equals(caller.userId()))) {
            throw new NotFoundException("UNKNOWN_CLONE", "no such clone: it ended a while ago, or it is not yours");
        }
        return clone;
    }

    private void purgeFinished() {
        Instant cutoff = clock.instant().minus(KEEP_FINISHED);
        clones.values().removeIf(c -> {
            CloneOperation op = c.snapshot();
            return op.state().finished() && op.endedAt() != null && op.endedAt().isBefore(cutoff);
        });
    }

    private Path localSource(Principal caller, CloneSource source, ClientInfo client) {
        Optional<Path> real = paths.realDirectory(source.location());
        Optional<String> refusal =
                real.isEmpty() ? Optional.of("no such directory") : safety.registrationRefusal(caller, real.get());
        if (refusal.isPresent()) {
            auditor.record(
                    AuditAction.PROJECT_CLONED, caller, source.location(), client, false, "source: " + refusal.get());
            throw new ForbiddenException(
                    "CLONE_SOURCE_REFUSED",
                    "this folder cannot be cloned: it must be an existing repository inside the workspaces root that "
                            + "you could register as a project");
        }
        return real.get();
    }
}
