package dev.ccui.application.project.create.port.in;

import dev.ccui.application.common.ClientInfo;
import dev.ccui.application.project.port.in.ProjectUseCase;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.project.create.CloneId;
import java.util.function.Consumer;

/**
 * New projects: an empty folder (optionally a git repository) or a clone, made under the
 * workspaces root with the confinement rules of registration, then registered to the caller.
 */
public interface NewProjectUseCase {

    ProjectUseCase.Registered createProject(Principal caller, NewProjectCommand command, ClientInfo client);

    /** Checks the request, creates the empty target folder and starts git; the clone goes on after this returns. */
    CloneOperation startClone(Principal caller, CloneCommand command, ClientInfo client);

    /** The clone's state; {@code 404} for one unknown, ended long ago, or another user's (admins see all). */
    CloneOperation clone(Principal caller, CloneId id);

    /**
     * Calls {@code listener} with the clone's state now and at every change until it finishes;
     * closing stops listening (not the clone).
     */
    AutoCloseable follow(Principal caller, CloneId id, Consumer<CloneOperation> listener);

    /** Stops git and removes the half-made folder; a finished clone is answered as it is. */
    CloneOperation cancelClone(Principal caller, CloneId id, ClientInfo client);
}
