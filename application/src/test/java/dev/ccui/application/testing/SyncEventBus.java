package dev.ccui.application.testing;

import dev.ccui.application.events.port.out.EventBus;
import dev.ccui.domain.events.AppEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A single-node event bus calling listeners on the publishing thread. */
public final class SyncEventBus implements EventBus {
    private final List<Consumer<AppEvent>> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void publish(AppEvent event) {
        listeners.forEach(listener -> listener.accept(event));
    }

    @Override
    public AutoCloseable subscribe(Consumer<AppEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
