package dev.ccui.adapters.process.claude;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ccui.domain.run.Question;
import dev.ccui.domain.run.RunEvent;
import dev.ccui.domain.run.ToolPrompts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The parser on lines the real CLI 2.1.328 printed ({@code src/test/resources/claude/stream-json}). */
class StreamJsonParserTest {
    private final ObjectMapper mapper = new ObjectMapper();
    private final StreamJsonParser parser = new StreamJsonParser(mapper);

    /** The CLI's stdout lines of a {@code .jsonl} capture. */
    private List<String> jsonl(String name) throws IOException {
        return resource(name).lines().toList();
    }

    /** The CLI's stdout lines of a {@code .log} capture (stdin and stdout with timings). */
    private List<String> stdout(String name) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String entry : resource(name).lines().toList()) {
            JsonNode node = mapper.readTree(entry);
            if ("out".equals(node.path("dir").asText()) && node.has("line")) {
                lines.add(node.get("line").asText());
            }
        }
        return lines;
    }

    private String resource(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/claude/stream-json/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private List<RunEvent> events(List<String> lines) {
        return lines.stream()
                .flatMap(line -> parser.parse(line).events().stream())
                .toList();
    }

    private static <T extends RunEvent> List<T> of(List<RunEvent> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void aTextTurn() throws IOException {
        List<RunEvent> events = events(jsonl("01_say_hi.jsonl"));

        assertThat(events).extracting(RunEvent::kind).containsExactly("run_started", "assistant_text", "result");
        var started = (RunEvent.RunStarted) events.get(0);
        assertThat(started.sessionId()).isEqualTo("24e2aa3f-3afc-44f2-b44b-b760af7b381e");
        assertThat(started.model()).isEqualTo("claude-opus-5-5");
        assertThat(started.cwd()).isEqualTo("/home/dev/proj");
        assertThat(started.permissionMode()).isEqualTo("default");
        assertThat(started.tools()).contains("Bash", "Write");
        assertThat(started.cliVersion()).isEqualTo("2.1.328");
        assertThat(started.slashCommands())
                .contains("compact", "context", "security-review")
                .doesNotContain("/compact");
        assertThat(((RunEvent.AssistantText) events.get(1)).text())
                .isEqualTo("Hi from fake server (req 1). You said: say hi");
        var result = (RunEvent.Result) events.get(2);
        assertThat(result.subtype()).isEqualTo("success");
        assertThat(result.isError()).isFalse();
        assertThat(result.inputTokens()).isEqualTo(12310);
        assertThat(result.outputTokens()).isEqualTo(12);
        assertThat(result.costUsd()).isCloseTo(0.04948, Offset.offset(1e-9));
        assertThat(result.totalCostUsd()).isCloseTo(0.04948, Offset.offset(1e-9));
        assertThat(result.durationMs()).isEqualTo(137);
        assertThat(result.durationApiMs()).isEqualTo(25);
        assertThat(result.numTurns()).isEqualTo(1);
        assertThat(result.terminalReason()).isEqualTo("completed");
        assertThat(result.resultText()).isEqualTo("Hi from fake server (req 1). You said: say hi");
    }

    @Test
    void aToolRunWithoutAPrompt() throws IOException {
        List<RunEvent> events = events(jsonl("02_bash_bypass.jsonl"));

        assertThat(events)
                .extracting(RunEvent::kind)
                .containsExactly(
                        "run_started", "assistant_text", "tool_use", "tool_result", "assistant_text", "result");
        var use = of(events, RunEvent.ToolUse.class).getFirst();
        assertThat(use.name()).isEqualTo("Bash");
        assertThat(use.input()).containsEntry("command", "echo hello > out.txt");
        var result = of(events, RunEvent.ToolResult.class).getFirst();
        assertThat(result.toolUseId()).isEqualTo(use.toolUseId());
        assertThat(result.content()).isEqualTo("(Bash completed with no output)");
        assertThat(result.isError()).isFalse();
        // The text and the tool use came as two lines of one API message.
        assertThat(of(events, RunEvent.AssistantText.class).getFirst().messageId())
                .isEqualTo(use.messageId());
    }

    @Test
    void aToolTheCliRefusedOnItsOwn() throws IOException {
        List<RunEvent> events = events(jsonl("03_write_default_denied.jsonl"));

        assertThat(events)
                .extracting(RunEvent::kind)
                .containsExactly(
                        "run_started", "tool_use", "permission_resolved", "tool_result", "assistant_text", "result");
        var resolved = of(events, RunEvent.PermissionResolved.class).getFirst();
        assertThat(resolved.requestId()).isNull();
        assertThat(resolved.toolUseId()).isEqualTo("toolu_fake_4c3a2ba6eb19419b");
        assertThat(resolved.toolName()).isEqualTo("Write");
        assertThat(resolved.decision()).isEqualTo("deny");
        assertThat(resolved.decidedBy()).isEqualTo("cli");
        assertThat(resolved.message()).contains("you haven't granted it yet");
        assertThat(of(events, RunEvent.ToolResult.class).getFirst().isError()).isTrue();
        var result = of(events, RunEvent.Result.class).getFirst();
        assertThat(result.isError()).isFalse();
        assertThat(result.permissionDenials()).hasSize(1);
    }

    @Test
    void aToolResultWithoutIsErrorIsNotAnError() throws IOException {
        List<RunEvent> events = events(jsonl("04_write_acceptEdits.jsonl"));

        var result = of(events, RunEvent.ToolResult.class).getFirst();
        assertThat(result.isError()).isFalse();
        assertThat(result.content()).startsWith("File created successfully");
        assertThat(of(events, RunEvent.RunStarted.class).getFirst().permissionMode())
                .isEqualTo("acceptEdits");
    }

    @Test
    void aResumedSessionKeepsItsId() throws IOException {
        List<RunEvent> events = events(jsonl("05_resume.jsonl"));

        assertThat(of(events, RunEvent.RunStarted.class).getFirst().sessionId())
                .isEqualTo("24e2aa3f-3afc-44f2-b44b-b760af7b381e");
        assertThat(events.getLast()).isInstanceOf(RunEvent.Result.class);
    }

    @Test
    void permissionPromptsAndControlAnswers() throws IOException {
        List<String> lines = stdout("06_stream_canusetool.log");
        var initialize = parser.parse(lines.getFirst());
        assertThat(initialize.events()).isEmpty();
        assertThat(initialize.controlReply()).isEqualTo(new StreamJsonParser.ControlReply("init-1", true, null));

        List<RunEvent> events = events(lines.subList(1, lines.size()));

        List<RunEvent.PermissionRequest> requests = of(events, RunEvent.PermissionRequest.class);
        assertThat(requests).hasSize(2);
        var bash = requests.get(0);
        assertThat(bash.requestId()).isEqualTo("042da08d-aac2-4f0e-8f43-57286f897ac9");
        assertThat(bash.toolName()).isEqualTo("Bash");
        assertThat(bash.displayName()).isEqualTo("Bash");
        assertThat(bash.input()).containsEntry("command", "echo hello > out.txt");
        assertThat(bash.description()).isEqualTo("Write hello to out.txt");
        assertThat(bash.suggestions()).hasSize(2);
        assertThat(bash.blockedPath()).isEqualTo("/home/dev/proj/out.txt");
        assertThat(bash.toolUseId()).isEqualTo("toolu_fake_8ac30bf7efd84fe7");
        var write = requests.get(1);
        assertThat(write.toolName()).isEqualTo("Write");
        assertThat(write.blockedPath()).isNull();
        var denied = of(events, RunEvent.ToolResult.class).get(1);
        assertThat(denied.isError()).isTrue();
        assertThat(denied.content()).isEqualTo("Denied by the web UI user");
        assertThat(of(events, RunEvent.Result.class)).hasSize(2);
    }

    @Test
    void aQuestionArrivesAsAPermissionRequestWhoseQuestionsTheUiCanOffer() throws IOException {
        List<RunEvent> events = events(stdout("ask-user-question.log"));

        var request = of(events, RunEvent.PermissionRequest.class).getFirst();
        assertThat(request.toolName()).isEqualTo(ToolPrompts.ASK_USER_QUESTION);
        List<Question> questions = ToolPrompts.questions(request);
        assertThat(questions)
                .extracting(Question::question, Question::header, Question::multiSelect)
                .containsExactly(
                        tuple("Which database should the app use?", "Database", false),
                        tuple("Which extras do you want?", "Extras", true));
        assertThat(questions.getFirst().options())
                .containsExactly(
                        new Question.Option("PostgreSQL", "A server, for teams"),
                        new Question.Option("SQLite", "A file, for one person"));
        assertThat(ToolPrompts.plan(request)).isEmpty();
        assertThat(of(events, RunEvent.ToolResult.class).getFirst().content())
                .startsWith("Your questions have been answered: \"Which database should the app use?\"=\"SQLite\"");
    }

    @Test
    void aPlanArrivesAsAPermissionRequestCarryingTheMarkdownOfThePlanFile() throws IOException {
        List<RunEvent> events = events(stdout("exit-plan-mode-approve-accept-edits.log"));

        var request = of(events, RunEvent.PermissionRequest.class).getFirst();
        assertThat(request.toolName()).isEqualTo(ToolPrompts.EXIT_PLAN_MODE);
        assertThat(ToolPrompts.plan(request)).contains("# Plan\n\n1. Add `hello.txt`\n2. Write **hello** into it\n");
        assertThat(ToolPrompts.questions(request)).isEmpty();
    }

    @Test
    void anInterruptedStream() throws IOException {
        List<String> lines = stdout("06_stream_interrupt.log");

        List<RunEvent> events = new ArrayList<>();
        List<StreamJsonParser.ControlReply> replies = new ArrayList<>();
        for (String line : lines) {
            var parsed = parser.parse(line);
            events.addAll(parsed.events());
            if (parsed.controlReply() != null) {
                replies.add(parsed.controlReply());
            }
        }

        assertThat(replies).containsExactly(new StreamJsonParser.ControlReply("int-1", true, null));
        List<RunEvent.AssistantDelta> deltas = of(events, RunEvent.AssistantDelta.class);
        assertThat(deltas.subList(0, 3))
                .extracting(RunEvent.AssistantDelta::text)
                .containsExactly("word0 ", "word1 ", "word2 ");
        assertThat(deltas).allMatch(delta -> delta.blockType().equals("text"));
        assertThat(of(events, RunEvent.Status.class))
                .extracting(RunEvent.Status::status)
                .contains("requesting");
        List<RunEvent.Result> results = of(events, RunEvent.Result.class);
        assertThat(results).hasSize(2);
        var interrupted = results.get(0);
        assertThat(interrupted.subtype()).isEqualTo("error_during_execution");
        assertThat(interrupted.terminalReason()).isEqualTo("aborted_streaming");
        assertThat(interrupted.isError()).isTrue();
        assertThat(interrupted.errors()).hasSize(1);
        assertThat(results.get(1).subtype()).isEqualTo("success");
        assertThat(of(events, RunEvent.AssistantText.class))
                .extracting(RunEvent.AssistantText::text)
                .containsExactly("word0 word1 word2 ", "Hi from fake server (req 12). You said: after interrupt");
    }

    @Test
    void theCostOfEachTurnAndTheRunningTotal() throws IOException {
        List<RunEvent.Result> results = of(events(stdout("06_stream_multiturn.log")), RunEvent.Result.class);

        assertThat(results).hasSize(2);
        assertThat(results.get(0).totalCostUsd()).isCloseTo(0.049484, Offset.offset(1e-9));
        assertThat(results.get(1).totalCostUsd()).isCloseTo(0.099112, Offset.offset(1e-9));
        assertThat(results.get(1).costUsd()).isCloseTo(0.099112 - 0.049484, Offset.offset(1e-6));
        assertThat(results.get(1).inputTokens()).isEqualTo(12347);
    }

    @Test
    void aBlockPrintedTwiceIsReportedOnce() throws IOException {
        String line = jsonl("01_say_hi.jsonl").get(1);

        assertThat(parser.parse(line).events()).hasSize(1);
        assertThat(parser.parse(line).events()).isEmpty();
    }

    @Test
    void thinkingAndToolInputDeltas() {
        var thinking =
                parser.parse("{\"type\":\"stream_event\",\"event\":{\"type\":\"content_block_delta\",\"index\":0,"
                        + "\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"hmm\"}},\"api_message_id\":\"m1\"}");
        var input = parser.parse("{\"type\":\"stream_event\",\"event\":{\"type\":\"content_block_delta\",\"index\":1,"
                + "\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"a\"}},\"api_message_id\":\"m1\"}");
        var block = parser.parse(
                "{\"type\":\"assistant\",\"message\":{\"id\":\"m1\",\"content\":"
                        + "[{\"type\":\"thinking\",\"thinking\":\"hmm, yes\",\"signature\":\"x\"}]},\"parent_tool_use_id\":\"toolu_1\"}");

        assertThat(thinking.events()).containsExactly(new RunEvent.AssistantDelta("m1", 0, "thinking", "hmm", null));
        assertThat(input.events()).containsExactly(new RunEvent.AssistantDelta("m1", 1, "tool_input", "{\"a", null));
        assertThat(block.events()).containsExactly(new RunEvent.Thinking("m1", "hmm, yes", "toolu_1"));
    }

    @Test
    void retriesAndUnknownLinesBecomeStatus() {
        var retry = parser.parse("{\"type\":\"system\",\"subtype\":\"api_retry\",\"attempt\":1,\"max_retries\":2,"
                + "\"retry_delay_ms\":500,\"error_status\":529,\"error\":\"overloaded\",\"session_id\":\"s\"}");
        var unknown = parser.parse("{\"type\":\"rate_limit_event\",\"info\":{\"status\":\"allowed\",\"x\":null}}");
        var unknownSystem = parser.parse("{\"type\":\"system\",\"subtype\":\"compact_boundary\",\"n\":1}");

        var status = (RunEvent.Status) retry.events().getFirst();
        assertThat(status.status()).isEqualTo("api_retry");
        assertThat(status.data())
                .containsEntry("attempt", 1)
                .containsEntry("error_status", 529)
                .doesNotContainKey("type");
        var raw = (RunEvent.Status) unknown.events().getFirst();
        assertThat(raw.status()).isEqualTo("rate_limit_event");
        assertThat(raw.data()).containsKey("info").containsEntry("type", "rate_limit_event");
        assertThat(((RunEvent.Status) unknownSystem.events().getFirst()).status())
                .isEqualTo("system/compact_boundary");
    }

    @Test
    void controlLinesForTheRunner() {
        var other = parser.parse(
                "{\"type\":\"control_request\",\"request_id\":\"r9\",\"request\":{\"subtype\":\"hook_callback\"}}");
        var cancel = parser.parse("{\"type\":\"control_cancel_request\",\"request_id\":\"r7\"}");
        var refused = parser.parse("{\"type\":\"control_response\",\"response\":{\"subtype\":\"error\","
                + "\"request_id\":\"ccui-set_model-1\",\"error\":\"unknown model\"}}");

        assertThat(other.controlRequest()).isEqualTo(new StreamJsonParser.ControlRequest("r9", "hook_callback"));
        assertThat(other.events()).hasSize(1);
        assertThat(cancel.events())
                .containsExactly(new RunEvent.PermissionResolved(
                        "r7", null, null, "deny", "cli", "the turn was interrupted before an answer"));
        assertThat(refused.controlReply())
                .isEqualTo(new StreamJsonParser.ControlReply("ccui-set_model-1", false, "unknown model"));
    }

    @Test
    void neverThrowsForItsInput() {
        List<String> hostile = List.of(
                "",
                "   ",
                "not json",
                "{\"type\":",
                "[1,2]",
                "42",
                "null",
                "{}",
                "{\"type\":null}",
                "{\"type\":\"assistant\",\"message\":\"text\"}",
                "{\"type\":\"assistant\",\"message\":{\"content\":[{\"type\":\"tool_use\"}]}}",
                "{\"type\":\"assistant\",\"message\":{\"content\":[null, 3, {\"type\":\"image\"}]}}",
                "{\"type\":\"user\",\"message\":{\"content\":\"plain\"}}",
                "{\"type\":\"user\",\"message\":{\"content\":[{\"type\":\"tool_result\"}]}}",
                "{\"type\":\"user\",\"message\":{\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"t\","
                        + "\"content\":[{\"type\":\"text\",\"text\":\"a\"},{\"type\":\"image\"}]}]}}",
                "{\"type\":\"result\"}",
                "{\"type\":\"result\",\"usage\":7,\"total_cost_usd\":\"x\"}",
                "{\"type\":\"system\"}",
                "{\"type\":\"system\",\"subtype\":\"init\",\"tools\":5}",
                "{\"type\":\"control_request\",\"request\":{\"subtype\":\"can_use_tool\"}}",
                "{\"type\":\"control_request\",\"request_id\":\"r\",\"request\":{\"subtype\":\"can_use_tool\","
                        + "\"input\":[1],\"permission_suggestions\":{}}}",
                "{\"type\":\"control_response\"}",
                "{\"type\":\"stream_event\",\"event\":7}",
                "{\"type\":\"system\",\"subtype\":\"permission_denied\"}",
                "\u0000\uFFFF");

        for (String line : hostile) {
            assertThatCode(() -> parser.parse(line)).as(line).doesNotThrowAnyException();
        }
        assertThat(parser.parse("not json").events()).isEmpty();
        var toolResult =
                (RunEvent.ToolResult) parser.parse(hostile.get(14)).events().getFirst();
        assertThat(toolResult.content()).isEqualTo("a\n[image]");
    }
}
