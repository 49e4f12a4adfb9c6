package dev.ccui.adapters.persistence.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccui.application.run.port.in.PermissionAnswer;
import dev.ccui.application.run.port.out.RunCommand;
import dev.ccui.application.run.port.out.RunCommandReply;
import dev.ccui.domain.run.PermissionMode;
import dev.ccui.domain.run.RunId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The wire shape of run commands and their replies between nodes, written field by field like
 * {@link EventJson}:
 * <pre>
 * {"v":1,"replyTo":"…","type":"interrupt","commandId":"…","runId":"uuid"}
 * {"v":1,"replyTo":"…","type":"decide","commandId":"…","runId":"uuid","requestId":"…","decidedBy":"ana",
 *  "answer":{"allow":true,"message":null,"remember":false,"answers":{"question":"answer"},"mode":"acceptEdits"|null}}
 * {"v":1,"commandId":"…","toolName":"Write"|null,"failure":{"kind":"conflict","code":"…","message":"…","field":null}|null}
 * </pre>
 * Anything malformed, of another version or of an unknown type is dropped (its sender times out).
 */
final class RunCommandJson {
    static final int VERSION = 1;
    /** The reply address is a channel suffix of ours, never a channel a message could choose freely. */
    private static final Pattern REPLY_TO = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final ObjectMapper mapper = new ObjectMapper();

    /** A command as received, with where its reply goes. */
    record Incoming(String replyTo, RunCommand command) {}

    /** A reply as received, with the command it answers. */
    record Reply(String commandId, RunCommandReply reply) {}

    String command(String replyTo, RunCommand command) {
        ObjectNode json = mapper.createObjectNode()
                .put("v", VERSION)
                .put("replyTo", replyTo)
                .put("commandId", command.commandId())
                .put("runId", command.runId().toString());
        switch (command) {
            case RunCommand.Interrupt ignored -> json.put("type", "interrupt");
            case RunCommand.Decide decide -> {
                json.put("type", "decide").put("requestId", decide.requestId()).put("decidedBy", decide.decidedBy());
                PermissionAnswer answer = decide.answer();
                ObjectNode body = json.putObject("answer")
                        .put("allow", answer.allow())
                        .put("message", answer.message())
                        .put("remember", answer.remember())
                        .put(
                                "mode",
                                answer.mode() == null ? null : answer.mode().cliName());
                ObjectNode answers = body.putObject("answers");
                answer.answers().forEach(answers::put);
            }
        }
        return write(json);
    }

    Optional<Incoming> readCommand(String message) {
        try {
            JsonNode json = mapper.readTree(message);
            if (!current(json)
                    || !REPLY_TO.matcher(json.path("replyTo").asText()).matches()) {
                return Optional.empty();
            }
            String commandId = text(json, "commandId");
            Optional<RunId> runId = RunId.parse(json.path("runId").asText());
            if (commandId == null || runId.isEmpty()) {
                return Optional.empty();
            }
            RunCommand command = switch (json.path("type").asText()) {
                case "interrupt" -> new RunCommand.Interrupt(commandId, runId.get());
                case "decide" -> decide(json, commandId, runId.get());
                default -> null;
            };
            return Optional.ofNullable(command)
                    .map(c -> new Incoming(json.get("replyTo").asText(), c));
        } catch (JsonProcessingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static RunCommand decide(JsonNode json, String commandId, RunId runId) {
        JsonNode answer = json.path("answer");
        String requestId = text(json, "requestId");
        String decidedBy = text(json, "decidedBy");
        if (!answer.isObject() || requestId == null || decidedBy == null) {
            return null;
        }
        Map<String, String> answers = new LinkedHashMap<>();
        answer.path("answers")
                .properties()
                .forEach(e -> answers.put(e.getKey(), e.getValue().asText()));
        String mode = text(answer, "mode");
        return new RunCommand.Decide(
                commandId,
                runId,
                requestId,
                new PermissionAnswer(
                        answer.path("allow").asBoolean(),
                        text(answer, "message"),
                        answer.path("remember").asBoolean(),
                        answers,
                        mode == null ? null : PermissionMode.fromCliName(mode)),
                decidedBy);
    }

    String reply(String commandId, RunCommandReply reply) {
        ObjectNode json = mapper.createObjectNode()
                .put("v", VERSION)
                .put("commandId", commandId)
                .put("toolName", reply.toolName());
        if (reply.failure() == null) {
            json.putNull("failure");
        } else {
            json.putObject("failure")
                    .put("kind", reply.failure().kind())
                    .put("code", reply.failure().code())
                    .put("message", reply.failure().message())
                    .put("field", reply.failure().field());
        }
        return write(json);
    }

    Optional<Reply> readReply(String message) {
        try {
            JsonNode json = mapper.readTree(message);
            String commandId = text(json, "commandId");
            if (!current(json) || commandId == null) {
                return Optional.empty();
            }
            JsonNode failure = json.path("failure");
            RunCommandReply reply = failure.isObject()
                    ? new RunCommandReply(
                            text(json, "toolName"),
                            new RunCommandReply.Failure(
                                    failure.path("kind").asText("conflict"),
                                    text(failure, "code"),
                                    text(failure, "message"),
                                    text(failure, "field")))
                    : RunCommandReply.done(text(json, "toolName"));
            return Optional.of(new Reply(commandId, reply));
        } catch (JsonProcessingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean current(JsonNode json) {
        return json != null && json.isObject() && json.path("v").asInt() == VERSION;
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || !value.isTextual() ? null : value.asText();
    }

    private String write(ObjectNode json) {
        try {
            return mapper.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a run command could not be written", e);
        }
    }
}
