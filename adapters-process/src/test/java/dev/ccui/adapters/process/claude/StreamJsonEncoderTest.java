package dev.ccui.adapters.process.claude;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ccui.domain.run.DocumentAttachment;
import dev.ccui.domain.run.ImageAttachment;
import dev.ccui.domain.run.PermissionDecision;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stdin lines in the shapes the CLI 2.1.328 read in the captures of {@code src/test/resources/claude/stream-json}. */
class StreamJsonEncoderTest {
    private final ObjectMapper mapper = new ObjectMapper();
    private final StreamJsonEncoder encoder = new StreamJsonEncoder(mapper);

    private JsonNode read(String line) throws IOException {
        assertThat(line).as("one line").doesNotContain("\n");
        return mapper.readTree(line);
    }

    @Test
    void aPromptIsOneUserMessageWithItsImagesBeforeItsText() throws IOException {
        JsonNode line = read(encoder.userTurn("what is this?", List.of(new ImageAttachment("image/png", "iVBORw0K"))));

        assertThat(line.path("type").asText()).isEqualTo("user");
        assertThat(line.path("message").path("role").asText()).isEqualTo("user");
        JsonNode content = line.path("message").path("content");
        assertThat(content).hasSize(2);
        assertThat(content.get(0).path("source").path("media_type").asText()).isEqualTo("image/png");
        assertThat(content.get(0).path("source").path("data").asText()).isEqualTo("iVBORw0K");
        assertThat(content.get(1).path("text").asText()).isEqualTo("what is this?");
        assertThat(line.get("parent_tool_use_id").isNull()).isTrue();
    }

    @Test
    void anImageAloneHasNoEmptyTextBlockButAnEmptyPromptStillSaysSomething() throws IOException {
        JsonNode imageOnly = read(encoder.userTurn("", List.of(new ImageAttachment("image/gif", "R0lG"))));
        JsonNode empty = read(encoder.userTurn("", null));

        assertThat(imageOnly.path("message").path("content"))
                .extracting(block -> block.path("type").asText())
                .containsExactly("image");
        assertThat(empty.path("message").path("content"))
                .extracting(block -> block.path("type").asText())
                .containsExactly("text");
    }

    /** The lines the real CLI took in {@code 07_documents.json} and forwarded to the Messages API unchanged. */
    @Test
    void aPdfAndATextFileAreTheDocumentBlocksTheCliForwards() throws IOException {
        JsonNode fixture;
        try (InputStream in = getClass().getResourceAsStream("/claude/stream-json/07_documents.json")) {
            fixture = mapper.readTree(in);
        }
        JsonNode pdfCase = fixture.path("cases").get(0);
        JsonNode textCase = fixture.path("cases").get(1);
        JsonNode pdfBlock =
                pdfCase.path("stdin").get(0).path("message").path("content").get(0);
        JsonNode textBlock =
                textCase.path("stdin").get(0).path("message").path("content").get(0);

        JsonNode pdf = read(encoder.userTurn(
                "What does the PDF say?",
                List.of(DocumentAttachment.of(
                        "tiny.pdf",
                        "application/pdf",
                        pdfBlock.path("source").path("data").asText()))));
        JsonNode text = read(encoder.userTurn(
                "Sum the CSV",
                List.of(DocumentAttachment.of(
                        "data.csv",
                        "text/csv",
                        java.util.Base64.getEncoder()
                                .encodeToString(textBlock
                                        .path("source")
                                        .path("data")
                                        .asText()
                                        .getBytes(UTF_8))))));

        assertThat(pdf).isEqualTo(pdfCase.path("stdin").get(0));
        assertThat(text).isEqualTo(textCase.path("stdin").get(0));
        assertThat(pdfCase.path("requestUserMessages").get(0).path("content").get(0))
                .isEqualTo(pdfBlock);
        assertThat(textCase.path("requestUserMessages").get(0).path("content").get(0))
                .isEqualTo(textBlock);
    }

    @Test
    void anAllowCarriesTheInputToRunWithAndARememberedRule() throws IOException {
        JsonNode line = read(encoder.permissionAnswer(
                "r1",
                new PermissionDecision.Allow(Map.of("file_path", "/w/a.txt"), List.of(Map.of("type", "addRules")))));

        assertThat(line.path("type").asText()).isEqualTo("control_response");
        JsonNode response = line.path("response");
        assertThat(response.path("subtype").asText()).isEqualTo("success");
        assertThat(response.path("request_id").asText()).isEqualTo("r1");
        assertThat(response.path("response").path("behavior").asText()).isEqualTo("allow");
        assertThat(response.path("response")
                        .path("updatedInput")
                        .path("file_path")
                        .asText())
                .isEqualTo("/w/a.txt");
        assertThat(response.path("response")
                        .path("updatedPermissions")
                        .get(0)
                        .path("type")
                        .asText())
                .isEqualTo("addRules");
    }

    @Test
    void aDenialCarriesItsMessageAndStopsTheTurnOnlyWhenAsked() throws IOException {
        JsonNode plain = read(encoder.permissionAnswer("r2", PermissionDecision.deny("not that file")))
                .path("response")
                .path("response");
        JsonNode stopping = read(encoder.permissionAnswer("r3", new PermissionDecision.Deny("stop", true)))
                .path("response")
                .path("response");

        assertThat(plain.path("behavior").asText()).isEqualTo("deny");
        assertThat(plain.path("message").asText()).isEqualTo("not that file");
        assertThat(plain.has("interrupt")).isFalse();
        assertThat(stopping.path("interrupt").asBoolean()).isTrue();
    }

    @Test
    void ourControlRequestsAndRefusalsOfTheClisOnes() throws IOException {
        JsonNode model = read(encoder.controlRequest("ccui-set_model-1", "set_model", Map.of("model", "opus")));
        JsonNode refusal = read(encoder.refusal("cli-1", "hook_callback"));

        assertThat(model.path("type").asText()).isEqualTo("control_request");
        assertThat(model.path("request_id").asText()).isEqualTo("ccui-set_model-1");
        assertThat(model.path("request").path("subtype").asText()).isEqualTo("set_model");
        assertThat(model.path("request").path("model").asText()).isEqualTo("opus");
        assertThat(refusal.path("response").path("subtype").asText()).isEqualTo("error");
        assertThat(refusal.path("response").path("request_id").asText()).isEqualTo("cli-1");
        assertThat(refusal.path("response").path("error").asText()).contains("hook_callback");
    }
}
