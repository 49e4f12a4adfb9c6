package dev.ccui.adapters.http.run;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ccui.adapters.http.json.Json;
import dev.ccui.application.run.port.in.PermissionAnswer;
import dev.ccui.application.run.port.in.QueuedMessageEdit;
import dev.ccui.application.run.port.in.SendOutcome;
import dev.ccui.application.run.port.in.StartRunCommand;
import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.error.NotFoundException;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.run.Attachment;
import dev.ccui.domain.run.DocumentAttachment;
import dev.ccui.domain.run.ImageAttachment;
import dev.ccui.domain.run.LoggedRunEvent;
import dev.ccui.domain.run.PermissionMode;
import dev.ccui.domain.run.Question;
import dev.ccui.domain.run.QueuedMessage;
import dev.ccui.domain.run.Run;
import dev.ccui.domain.run.RunEvent;
import dev.ccui.domain.run.ToolPrompts;
import dev.ccui.domain.session.SessionId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON shapes of runs and run events, shared by the REST routes, SSE and {@code /ws}. */
public final class RunViews {
    // Record fields by name (a component such as isError keeps its name), not bean getters.
    private static final ObjectMapper EVENTS = Json.MAPPER
            .copy()
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);

    private RunViews() {}

    public record RunView(
            String id,
            String sessionId,
            String projectId,
            String userId,
            String state,
            String clientMessageId,
            Instant startedAt,
            Instant endedAt,
            String model,
            String effort) {
        public static RunView of(Run run) {
            return new RunView(
                    run.id().toString(),
                    run.sessionId().value(),
                    run.projectId().toString(),
                    run.userId() == null ? null : run.userId().toString(),
                    run.state().name().toLowerCase(Locale.ROOT),
                    run.clientMessageId(),
                    run.startedAt(),
                    run.endedAt(),
                    run.model(),
                    run.effort());
        }
    }

    public record ImageBody(String mediaType, String data) {}

    /** A file of {@code attachments}: a PDF or a text file (an image type makes it an image). */
    public record AttachmentBody(String name, String mediaType, String data) {
        Attachment attachment() {
            if (mediaType != null && ImageAttachment.MEDIA_TYPES.contains(mediaType)) {
                return new ImageAttachment(mediaType, data == null ? "" : data);
            }
            return DocumentAttachment.of(name, mediaType, data);
        }
    }

    /** {@code POST /api/runs} and the {@code send} frame. */
    public record StartBody(
            String projectId,
            String sessionId,
            String prompt,
            List<ImageBody> images,
            String model,
            String permissionMode,
            List<String> allowedTools,
            String clientMessageId,
            String effort,
            Boolean queue,
            String forkFrom,
            List<AttachmentBody> attachments) {
        /** Queue the prompt behind a running turn instead of refusing it with 409 RUN_ACTIVE. */
        public boolean queueIfBusy() {
            return Boolean.TRUE.equals(queue);
        }

        public StartRunCommand command() {
            SessionId session = sessionId == null || sessionId.isBlank()
                    ? null
                    : SessionId.parse(sessionId)
                            .orElseThrow(() -> new InvalidException("sessionId", "not a session id"));
            // Counted before any file is decoded; the command checks the rest.
            if ((images == null ? 0 : images.size()) + (attachments == null ? 0 : attachments.size())
                    > StartRunCommand.MAX_ATTACHMENTS) {
                throw attachments == null || attachments.isEmpty()
                        ? new InvalidException("images", "at most " + StartRunCommand.MAX_ATTACHMENTS + " images")
                        : new InvalidException(
                                "attachments",
                                "at most " + StartRunCommand.MAX_ATTACHMENTS + " images and files together");
            }
            List<Attachment> files = new ArrayList<>();
            for (ImageBody image : images == null ? List.<ImageBody>of() : images) {
                if (image == null || image.data() == null) {
                    throw new InvalidException("images", "an image needs mediaType and data");
                }
                files.add(new ImageAttachment(image.mediaType(), image.data()));
            }
            for (AttachmentBody file : attachments == null ? List.<AttachmentBody>of() : attachments) {
                if (file == null) {
                    throw new InvalidException("attachments", "an attachment needs name, mediaType and data");
                }
                files.add(file.attachment());
            }
            PermissionMode mode = permissionMode == null ? null : PermissionMode.fromCliName(permissionMode);
            // A missing id is the command's to refuse (400); one that names no project is not found, as before.
            ProjectId project = projectId == null || projectId.isBlank()
                    ? null
                    : ProjectId.parse(projectId).orElseThrow(() -> new NotFoundException("no such project"));
            SessionId origin = forkFrom == null || forkFrom.isBlank()
                    ? null
                    : SessionId.parse(forkFrom).orElseThrow(() -> new InvalidException("forkFrom", "not a session id"));
            return new StartRunCommand(
                    project, session, prompt, files, model, mode, allowedTools, clientMessageId, effort, origin);
        }
    }

    /**
     * {@code POST /api/runs/{id}/permissions/{requestId}} and the {@code permission} frame.
     *
     * @param answers        a question's answers, keyed by the question's text
     * @param permissionMode the mode an approved plan is carried out in
     */
    public record DecisionBody(
            String decision, String message, Boolean remember, Map<String, String> answers, String permissionMode) {
        public PermissionAnswer answer() {
            return new PermissionAnswer(
                    allow(),
                    message,
                    Boolean.TRUE.equals(remember),
                    answers,
                    permissionMode == null ? null : PermissionMode.fromCliName(permissionMode));
        }

        public boolean allow() {
            if ("allow".equals(decision)) {
                return true;
            }
            if ("deny".equals(decision)) {
                return false;
            }
            throw new InvalidException("decision", "decision must be allow or deny");
        }
    }

    /** {@code PATCH /api/sessions/{id}/queue/{messageId}} and the {@code queue_edit} frame: what is given changes. */
    public record QueueEditBody(String prompt, String model, String effort, String permissionMode) {
        public QueuedMessageEdit edit() {
            return new QueuedMessageEdit(
                    prompt, model, effort, permissionMode == null ? null : PermissionMode.fromCliName(permissionMode));
        }
    }

    /** A waiting message: the {@code queue_changed} entry with its session. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> queued(QueuedMessage message) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sessionId", message.sessionId().value());
        json.putAll(EVENTS.convertValue(message.entry(), Map.class));
        return json;
    }

    /** What {@code POST /api/runs} (with {@code queue}) and send-now answer: a run, or a place in the queue. */
    public static Map<String, Object> outcome(SendOutcome outcome) {
        Map<String, Object> json = new LinkedHashMap<>();
        switch (outcome) {
            case SendOutcome.Started started -> {
                json.put("runId", started.run().runId().toString());
                json.put("sessionId", started.run().sessionId().value());
            }
            case SendOutcome.Queued queued -> {
                json.put("sessionId", queued.message().sessionId().value());
                json.put("queued", queued(queued.message()));
                if (queued.interrupting()) {
                    json.put("interrupting", true);
                }
            }
        }
        return json;
    }

    /** The contract's event object: {@code kind} first, then the kind's fields. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> event(RunEvent event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", event.kind());
        if (event instanceof RunEvent.RunEnded ended) {
            json.put("reason", ended.reason().wireName());
        } else {
            json.putAll(EVENTS.convertValue(event, Map.class));
        }
        // A question or a plan, read from the tool's input, so that clients need not know the CLI's tools.
        if (event instanceof RunEvent.PermissionRequest request) {
            List<Question> questions = ToolPrompts.questions(request);
            if (!questions.isEmpty()) {
                json.put("questions", EVENTS.convertValue(questions, List.class));
            }
            ToolPrompts.plan(request).ifPresent(plan -> json.put("plan", plan));
        }
        return json;
    }

    /** {@code {sessionId, runId, seq, at, event}}: the REST item, the SSE data and the body of the {@code event} frame. */
    public static Map<String, Object> logged(LoggedRunEvent logged) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sessionId", logged.sessionId().value());
        json.put("runId", logged.runId().toString());
        json.put("seq", logged.seq());
        json.put("at", logged.at().toString());
        json.put("event", event(logged.event()));
        return json;
    }
}
