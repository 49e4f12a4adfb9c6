package dev.ccui.adapters.persistence.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccui.adapters.persistence.run.RunEventJson;
import dev.ccui.domain.events.AppEvent;
import dev.ccui.domain.events.AppEvent.IndexStatus;
import dev.ccui.domain.events.AppEvent.ProjectsChanged;
import dev.ccui.domain.events.AppEvent.RunEventLogged;
import dev.ccui.domain.history.IndexProgress;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.run.LoggedRunEvent;
import dev.ccui.domain.run.RunId;
import dev.ccui.domain.session.SessionId;
import dev.ccui.domain.user.UserId;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The wire shape of application events between nodes, written field by field so that renaming a
 * Java field cannot silently change it and nothing received can pick a class to instantiate:
 * <pre>
 * {"v":1,"node":"…","type":"projects-changed","projectIds":["uuid",…]}
 * {"v":1,"node":"…","type":"run-event","sessionId":"…","runId":"uuid","seq":12,"at":"2026-…Z","kind":"…",
 *  "event":{…the stored JSON of the run event…}}
 * {"v":1,"node":"…","type":"index-status","state":"watching","filesDone":3,"filesTotal":3,"bytesDone":…,
 *  "bytesTotal":…,"badLines":0,"lastScanStartedAt":"2026-…Z"|null,"lastScanFinishedAt":…|null,"lastChangeLagMs":12,
 *  "phase":"idle"}
 * </pre>
 * A message of an unknown version or type (a newer node during a rolling deploy) is dropped.
 */
final class EventJson {
    static final int VERSION = 1;

    private final ObjectMapper mapper = new ObjectMapper();
    private final RunEventJson runEvents = new RunEventJson();

    /** An event as received, with the node that published it. */
    record Envelope(String node, AppEvent event) {}

    String write(String node, AppEvent event) {
        ObjectNode json = mapper.createObjectNode().put("v", VERSION).put("node", node);
        switch (event) {
            case ProjectsChanged changed -> {
                json.put("type", "projects-changed");
                ArrayNode ids = json.putArray("projectIds");
                changed.projectIds().forEach(id -> ids.add(id.toString()));
            }
            case IndexStatus status -> {
                IndexProgress p = status.progress();
                json.put("type", "index-status")
                        .put("state", p.state())
                        .put("filesDone", p.filesDone())
                        .put("filesTotal", p.filesTotal())
                        .put("bytesDone", p.bytesDone())
                        .put("bytesTotal", p.bytesTotal())
                        .put("badLines", p.badLines())
                        .put("lastScanStartedAt", text(p.lastScanStartedAt()))
                        .put("lastScanFinishedAt", text(p.lastScanFinishedAt()))
                        .put("lastChangeLagMs", p.lastChangeLagMs())
                        .put("phase", p.phase());
            }
            case AppEvent.AccessRevoked revoked ->
                json.put("type", "access-revoked")
                        .put("userId", revoked.userId().toString())
                        .put("tokenId", revoked.tokenId())
                        .put("keepTokenId", revoked.keepTokenId())
                        .put("apiKeyId", revoked.apiKeyId())
                        .put("downgrade", revoked.downgrade());
            case RunEventLogged run -> {
                LoggedRunEvent logged = run.logged();
                json.put("type", "run-event")
                        .put("sessionId", logged.sessionId().value())
                        .put("runId", logged.runId().toString())
                        .put("seq", logged.seq())
                        .put("at", logged.at().toString())
                        .put("kind", logged.event().kind());
                try {
                    json.set("event", mapper.readTree(runEvents.write(logged.event())));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("a run event could not be written", e);
                }
            }
        }
        try {
            return mapper.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event tree could not be written", e);
        }
    }

    /** Empty for anything malformed, of another version or of an unknown type. */
    Optional<Envelope> read(String message) {
        try {
            JsonNode json = mapper.readTree(message);
            if (json == null
                    || !json.isObject()
                    || json.path("v").asInt() != VERSION
                    || !json.path("node").isTextual()) {
                return Optional.empty();
            }
            String node = json.get("node").asText();
            return switch (json.path("type").asText()) {
                case "projects-changed" -> projectsChanged(json).map(event -> new Envelope(node, event));
                case "index-status" -> Optional.of(new Envelope(node, indexStatus(json)));
                case "run-event" -> Optional.of(new Envelope(node, runEvent(json)));
                case "access-revoked" ->
                    UserId.parse(json.path("userId").asText())
                            .map(user -> new Envelope(
                                    node,
                                    new AppEvent.AccessRevoked(
                                            user,
                                            textOrNull(json, "tokenId"),
                                            textOrNull(json, "keepTokenId"),
                                            textOrNull(json, "apiKeyId"),
                                            json.path("downgrade").asBoolean())));
                default -> Optional.empty();
            };
        } catch (JsonProcessingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String textOrNull(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || !value.isTextual() ? null : value.asText();
    }

    private static Optional<AppEvent> projectsChanged(JsonNode json) {
        JsonNode ids = json.path("projectIds");
        if (!ids.isArray()) {
            return Optional.empty();
        }
        Set<ProjectId> projectIds = new HashSet<>();
        for (JsonNode id : ids) {
            Optional<ProjectId> parsed = ProjectId.parse(id.asText());
            if (parsed.isEmpty()) {
                return Optional.empty();
            }
            projectIds.add(parsed.get());
        }
        return Optional.of(new ProjectsChanged(projectIds));
    }

    private AppEvent runEvent(JsonNode json) throws JsonProcessingException {
        JsonNode event = json.get("event");
        if (event == null || !event.isObject()) {
            throw new IllegalArgumentException("a run event message without its event");
        }
        SessionId sessionId = SessionId.parse(json.path("sessionId").asText())
                .orElseThrow(() -> new IllegalArgumentException("bad session id"));
        RunId runId =
                RunId.parse(json.path("runId").asText()).orElseThrow(() -> new IllegalArgumentException("bad run id"));
        return new RunEventLogged(new LoggedRunEvent(
                sessionId,
                runId,
                json.path("seq").asLong(),
                Instant.parse(json.path("at").asText()),
                runEvents.read(json.path("kind").asText(), mapper.writeValueAsString(event))));
    }

    private static AppEvent indexStatus(JsonNode json) {
        return new IndexStatus(new IndexProgress(
                json.path("state").asText(),
                json.path("filesDone").asLong(),
                json.path("filesTotal").asLong(),
                json.path("bytesDone").asLong(),
                json.path("bytesTotal").asLong(),
                json.path("badLines").asLong(),
                instant(json.path("lastScanStartedAt")),
                instant(json.path("lastScanFinishedAt")),
                json.path("lastChangeLagMs").asLong(),
                // From a node of an earlier version: what it would have meant.
                json.hasNonNull("phase")
                        ? json.path("phase").asText()
                        : "scanning".equals(json.path("state").asText()) ? IndexProgress.PARSING : IndexProgress.IDLE));
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static Instant instant(JsonNode node) {
        return node.isTextual() ? Instant.parse(node.asText()) : null;
    }
}
