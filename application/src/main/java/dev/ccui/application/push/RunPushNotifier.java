package dev.ccui.application.push;

import dev.ccui.application.events.port.out.EventBus;
import dev.ccui.application.project.port.out.ProjectRepository;
import dev.ccui.application.run.port.out.RunRepository;
import dev.ccui.domain.events.AppEvent;
import dev.ccui.domain.project.Project;
import dev.ccui.domain.push.PushNotification;
import dev.ccui.domain.push.PushTopic;
import dev.ccui.domain.run.LoggedRunEvent;
import dev.ccui.domain.run.Question;
import dev.ccui.domain.run.Run;
import dev.ccui.domain.run.RunEvent;
import dev.ccui.domain.run.ToolPrompts;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the run events that need a person, or tell them a run is over, into notifications for
 * the user who started the run. It must hear only the events of this node's runs (each run's
 * events are logged by the node that runs it), or every node would notify once: it is fed by
 * the node's own publisher, not by the shared bus. Delivery happens on {@code worker}, never on
 * the run's thread.
 */
public final class RunPushNotifier implements Consumer<AppEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(RunPushNotifier.class);
    private static final int MAX_BODY = 180;

    private final PushService push;
    private final RunRepository runs;
    private final ProjectRepository projects;
    private final Executor worker;

    public RunPushNotifier(PushService push, RunRepository runs, ProjectRepository projects, Executor worker) {
        this.push = push;
        this.runs = runs;
        this.projects = projects;
        this.worker = worker;
    }

    /** An event bus that also hands what is published on this node to {@code notifier}. */
    public static EventBus tapping(EventBus bus, Consumer<AppEvent> notifier) {
        return new EventBus() {
            @Override
            public void publish(AppEvent event) {
                bus.publish(event);
                notifier.accept(event);
            }

            @Override
            public AutoCloseable subscribe(Consumer<AppEvent> listener) {
                return bus.subscribe(listener);
            }
        };
    }

    @Override
    public void accept(AppEvent event) {
        if (!(event instanceof AppEvent.RunEventLogged(LoggedRunEvent logged)) || !concernsAPerson(logged.event())) {
            return;
        }
        try {
            worker.execute(() -> deliver(logged));
        } catch (RejectedExecutionException e) {
            LOG.warn("push notification of run {} dropped: the push worker is full or stopped", logged.runId());
        }
    }

    private static boolean concernsAPerson(RunEvent event) {
        return event instanceof RunEvent.PermissionRequest
                || (event instanceof RunEvent.RunEnded ended && ended.reason() != RunEvent.EndReason.INTERRUPTED);
    }

    private void deliver(LoggedRunEvent logged) {
        try {
            Optional<Run> run = runs.findById(logged.runId());
            if (run.isEmpty() || run.get().userId() == null) {
                return;
            }
            String project =
                    projects.findById(run.get().projectId()).map(Project::name).orElse("a project");
            notification(logged, run.get(), project)
                    .ifPresent(n -> push.notify(run.get().userId(), n));
        } catch (RuntimeException e) {
            LOG.warn("push notification of run {} failed: {}", logged.runId(), e.toString());
        }
    }

    /** What the device shows for {@code logged}, linking to its session; empty for events nobody is told about. */
    static Optional<PushNotification> notification(LoggedRunEvent logged, Run run, String project) {
        String url = "/#/p/" + encode(run.projectId().toString()) + "/s/"
                + encode(logged.sessionId().toString());
        String tag = "session-" + logged.sessionId();
        return switch (logged.event()) {
            case RunEvent.PermissionRequest request
            when ToolPrompts.ASK_USER_QUESTION.equals(request.toolName()) -> {
                List<Question> questions = ToolPrompts.questions(request);
                String asked = questions.isEmpty() ? "" : questions.getFirst().question();
                yield Optional.of(new PushNotification(
                        PushTopic.QUESTION, "Claude asks a question in " + project, cut(asked), url, tag));
            }
            case RunEvent.PermissionRequest request
            when ToolPrompts.EXIT_PLAN_MODE.equals(request.toolName()) ->
                Optional.of(new PushNotification(
                        PushTopic.APPROVAL_NEEDED,
                        "Plan ready for review in " + project,
                        cut(ToolPrompts.plan(request).orElse("")),
                        url,
                        tag));
            case RunEvent.PermissionRequest request -> {
                String tool = request.displayName() != null ? request.displayName() : request.toolName();
                yield Optional.of(new PushNotification(
                        PushTopic.APPROVAL_NEEDED,
                        "Approval needed in " + project,
                        cut(request.description() != null ? tool + ": " + request.description() : tool),
                        url,
                        tag));
            }
            case RunEvent.RunEnded ended
            when ended.reason() == RunEvent.EndReason.COMPLETED ->
                Optional.of(new PushNotification(
                        PushTopic.RUN_FINISHED, "Run finished in " + project, "Claude is done.", url, tag));
            case RunEvent.RunEnded ended
            when ended.reason() != RunEvent.EndReason.INTERRUPTED ->
                Optional.of(new PushNotification(
                        PushTopic.RUN_FAILED,
                        "Run " + ended.reason().wireName() + " in " + project,
                        "The run ended without finishing its turn.",
                        url,
                        tag));
            default -> Optional.empty();
        };
    }

    private static String cut(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= MAX_BODY ? flat : flat.substring(0, MAX_BODY - 1) + "…";
    }

    private static String encode(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8);
    }
}
