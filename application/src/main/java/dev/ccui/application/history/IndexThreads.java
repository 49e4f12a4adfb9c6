package dev.ccui.application.history;

import dev.ccui.application.history.port.out.BackgroundPriority;

/** The index's own threads: daemons that lower their own priority first (the index is background work). */
final class IndexThreads {
    private IndexThreads() {}

    static Thread start(String name, BackgroundPriority priority, Runnable work) {
        return Thread.ofPlatform().name(name).daemon().start(() -> {
            priority.lowerCurrentThread();
            work.run();
        });
    }
}
