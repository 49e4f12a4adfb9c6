package dev.ccui.application.events;

import dev.ccui.application.events.port.in.ChangeFeedUseCase;
import dev.ccui.application.events.port.out.EventBus;
import dev.ccui.application.events.port.out.ProjectVisibility;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.events.AppEvent;
import dev.ccui.domain.project.ProjectId;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

public final class ChangeFeedService implements ChangeFeedUseCase {
    private final EventBus events;
    private final ProjectVisibility visibility;

    public ChangeFeedService(EventBus events, ProjectVisibility visibility) {
        this.events = events;
        this.visibility = visibility;
    }

    @Override
    public AutoCloseable follow(Principal viewer, Consumer<AppEvent> listener) {
        return events.subscribe(event -> {
            switch (event) {
                case AppEvent.ProjectsChanged changed -> {
                    Set<ProjectId> visible = viewer.isAdmin()
                            ? changed.projectIds()
                            : changed.projectIds().stream()
                                    .filter(id -> visibility.canSee(viewer, id))
                                    .collect(Collectors.toSet());
                    if (!visible.isEmpty()) {
                        listener.accept(new AppEvent.ProjectsChanged(visible));
                    }
                }
                case AppEvent.IndexStatus status -> listener.accept(status);
                case AppEvent.AccessRevoked revoked -> {
                    if (revoked.ends(viewer)) {
                        listener.accept(revoked);
                    }
                }
                // Run events reach their session's subscribers through the run service, with access checked there.
                case AppEvent.RunEventLogged ignored -> {}
            }
        });
    }
}
