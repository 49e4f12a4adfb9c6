package dev.ccui.bootstrap.components;

import dev.ccui.adapters.http.RouteGroup;
import dev.ccui.adapters.http.push.PushRoutes;
import dev.ccui.adapters.persistence.db.Database;
import dev.ccui.adapters.persistence.push.JdbiPushSubscriptionStore;
import dev.ccui.adapters.persistence.push.JdbiVapidKeyStore;
import dev.ccui.adapters.process.push.WebPushSender;
import dev.ccui.application.events.port.out.EventBus;
import dev.ccui.application.project.port.out.ProjectRepository;
import dev.ccui.application.push.PushService;
import dev.ccui.application.push.RunPushNotifier;
import dev.ccui.application.run.port.out.RunRepository;
import dev.ccui.bootstrap.config.PushConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Web Push: the VAPID keys and subscriptions in the database, the sender, and the notifier that
 * hears this node's run events. One worker thread sends, behind a bounded queue: a slow push
 * service delays notifications, never a run.
 */
public final class PushComponents implements AutoCloseable {
    private static final int QUEUE = 1_000;

    private final PushService push;
    private final RunPushNotifier notifier;
    private final WebPushSender sender;
    private final ThreadPoolExecutor worker;

    private PushComponents(
            PushService push, RunPushNotifier notifier, WebPushSender sender, ThreadPoolExecutor worker) {
        this.push = push;
        this.notifier = notifier;
        this.sender = sender;
        this.worker = worker;
    }

    public static PushComponents build(
            PushConfig config, Database database, RunRepository runs, ProjectRepository projects, Clock clock) {
        var sender = new WebPushSender(
                config.policy(),
                new WebPushSender.Settings(config.subject(), config.timeToLive(), Duration.ofSeconds(10)));
        var push = new PushService(
                new JdbiPushSubscriptionStore(database.jdbi()),
                new JdbiVapidKeyStore(database.jdbi(), clock),
                sender,
                config.policy(),
                clock);
        var worker = new ThreadPoolExecutor(
                1,
                1,
                0,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE),
                Thread.ofPlatform().name("ccui-push").daemon().factory());
        return new PushComponents(push, new RunPushNotifier(push, runs, projects, worker), sender, worker);
    }

    public PushService push() {
        return push;
    }

    /** {@code bus} for the run service: what this node's runs publish also reaches the notifier. */
    public EventBus tap(EventBus bus) {
        return RunPushNotifier.tapping(bus, notifier);
    }

    public List<RouteGroup> routes() {
        return List.of(new PushRoutes(push));
    }

    /** Sends what is queued (at most a few seconds), then stops. */
    @Override
    public void close() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(5, TimeUnit.SECONDS);
        worker.shutdownNow();
        sender.close();
    }
}
