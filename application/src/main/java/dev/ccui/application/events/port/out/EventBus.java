package dev.ccui.application.events.port.out;

import dev.ccui.domain.events.AppEvent;
import java.util.function.Consumer;

/** Fan-out of application events to whoever listens (in this process, or across nodes). */
public interface EventBus {

    void publish(AppEvent event);

    /** Listens until the returned handle is closed. Listeners must return quickly. */
    AutoCloseable subscribe(Consumer<AppEvent> listener);
}
