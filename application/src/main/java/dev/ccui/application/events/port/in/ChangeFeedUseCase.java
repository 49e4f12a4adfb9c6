package dev.ccui.application.events.port.in;

import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.events.AppEvent;
import java.util.function.Consumer;

/** What a connected browser is told, filtered to what its user may see. */
public interface ChangeFeedUseCase {

    AutoCloseable follow(Principal viewer, Consumer<AppEvent> listener);
}
