package dev.ccui.adapters.persistence.events;

import dev.ccui.application.events.port.out.EventBus;
import dev.ccui.domain.events.AppEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The event bus of a single node: listeners are called on the publishing thread. */
public final class InMemoryEventBus implements EventBus {
    private static final Logger LOG = LoggerFactory.getLogger(InMemoryEventBus.class);

    private final List<Consumer<AppEvent>> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void publish(AppEvent event) {
        for (Consumer<AppEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                // One broken listener must not keep the event from the others.
                LOG.warn("an event listener failed on {}", event.getClass().getSimpleName(), e);
            }
        }
    }

    @Override
    public AutoCloseable subscribe(Consumer<AppEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
