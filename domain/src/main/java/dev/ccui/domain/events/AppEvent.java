package dev.ccui.domain.events;

import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.history.IndexProgress;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.run.LoggedRunEvent;
import dev.ccui.domain.user.UserId;
import java.util.Objects;
import java.util.Set;

/** Something subscribed browsers are told about. */
public sealed interface AppEvent {

    /** The list or the sessions of these projects changed (new transcript lines, renames, …). */
    record ProjectsChanged(Set<ProjectId> projectIds) implements AppEvent {
        public ProjectsChanged {
            projectIds = Set.copyOf(projectIds);
        }
    }

    /** Progress of the transcript index. */
    record IndexStatus(IndexProgress progress) implements AppEvent {}

    /**
     * A user's rights shrank: their open connections (/ws, /ws/terminal, SSE) on every node must end
     * or be re-opened with what they may do now. Which connections: those of {@code tokenId} (one
     * logout), of {@code apiKeyId} (a revoked key), or else every one of the user but
     * {@code keepTokenId} (password change, disable, delete, demotion, removal from a project).
     *
     * @param downgrade true when the user may still connect, with fewer rights (close code 4403,
     *                  not 4401)
     */
    record AccessRevoked(UserId userId, String tokenId, String keepTokenId, String apiKeyId, boolean downgrade)
            implements AppEvent {
        public AccessRevoked {
            Objects.requireNonNull(userId, "userId");
        }

        /** Whether a connection opened by {@code principal} is one this revocation ends. */
        public boolean ends(Principal principal) {
            if (!principal.userId().equals(userId)) {
                return false;
            }
            if (apiKeyId != null) {
                return principal.apiKeyId() != null
                        && principal.apiKeyId().toString().equals(apiKeyId);
            }
            if (tokenId != null) {
                return tokenId.equals(principal.tokenId());
            }
            return keepTokenId == null || !keepTokenId.equals(principal.tokenId());
        }
    }

    /** A run event, already stored in the durable log, for whoever watches its session. */
    record RunEventLogged(LoggedRunEvent logged) implements AppEvent {
        public RunEventLogged {
            Objects.requireNonNull(logged, "logged");
        }
    }
}
