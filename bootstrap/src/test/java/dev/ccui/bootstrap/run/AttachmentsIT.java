package dev.ccui.bootstrap.run;

import static dev.ccui.bootstrap.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccui.bootstrap.run.RunsHttpIT.Ws;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 15: PDFs and text files sent with a prompt over REST and {@code /ws}, with the real CLI
 * and the fake Messages API: the model's request carries them as {@code document} blocks, the
 * history names them, and the same checks refuse the same files on both transports.
 */
@Timeout(180)
class AttachmentsIT extends LiveRunTest {
    private static final byte[] PDF = ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n"
                    + "%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);
    private static final String CSV = "city,people\nBerlin,3850809\nMünchen,1512491\n";

    @Test
    void aPdfAndACsvSentOverRestReachTheModelAsDocumentsAndTheHistoryNamesThem() throws Exception {
        ObjectNode body = body(null, "summarise these");
        ArrayNode files = body.putArray("attachments");
        file(files, "report.pdf", "application/pdf", PDF);
        file(files, "cities.csv", "text/csv", CSV.getBytes(StandardCharsets.UTF_8));
        String sessionId;
        try (Ws ws = new Ws(live.admin())) {
            HttpResponse<String> started = live.admin().post("/api/runs", body.toString());
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            sessionId = json(started).get("sessionId").asText();
            ws.subscribe(sessionId, 0);
            ws.untilRunEnded();
        }

        List<JsonNode> blocks = userBlocks(api.messageRequests().getLast());
        List<JsonNode> documents = blocks.stream()
                .filter(b -> "document".equals(b.path("type").asText()))
                .toList();
        assertThat(documents).hasSize(2);
        assertThat(documents.get(0).path("title").asText()).isEqualTo("report.pdf");
        assertThat(documents.get(0).at("/source/type").asText()).isEqualTo("base64");
        assertThat(documents.get(0).at("/source/media_type").asText()).isEqualTo("application/pdf");
        assertThat(Base64.getDecoder()
                        .decode(documents.get(0).at("/source/data").asText()))
                .isEqualTo(PDF);
        assertThat(documents.get(1).path("title").asText()).isEqualTo("cities.csv");
        assertThat(documents.get(1).at("/source/type").asText()).isEqualTo("text");
        assertThat(documents.get(1).at("/source/media_type").asText()).isEqualTo("text/plain");
        assertThat(documents.get(1).at("/source/data").asText()).isEqualTo(CSV);
        assertThat(blocks.getLast().path("text").asText())
                .as("the prompt's text comes after its files")
                .isEqualTo("summarise these");

        // What people see of the turn afterwards: the files' names, not their content.
        String history = historyWith(sessionId, "summarise these");
        assertThat(history)
                .contains("[document: report.pdf]", "[document: cities.csv]")
                .doesNotContain("Berlin");
    }

    @Test
    void aPdfOf4MiBSentOverRestReachesTheModel() throws Exception {
        // Over the 1 MiB the rest of the API takes: a run's body has the /ws frame's limit.
        byte[] pdf = new byte[4 * 1024 * 1024];
        Arrays.fill(pdf, (byte) ' ');
        System.arraycopy(PDF, 0, pdf, 0, PDF.length);
        ObjectNode body = body(null, "what does it say");
        file(body.putArray("attachments"), "manual.pdf", "application/pdf", pdf);
        try (Ws ws = new Ws(live.admin())) {
            HttpResponse<String> started = live.admin().post("/api/runs", body.toString());
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            ws.subscribe(json(started).get("sessionId").asText(), 0);
            ws.untilRunEnded();
        }

        JsonNode document = userBlocks(api.messageRequests().getLast()).getFirst();
        assertThat(document.path("type").asText()).isEqualTo("document");
        assertThat(document.path("title").asText()).isEqualTo("manual.pdf");
        assertThat(Base64.getDecoder().decode(document.at("/source/data").asText()))
                .isEqualTo(pdf);
        HttpResponse<String> elsewhere =
                live.admin().post("/api/projects/" + live.projectId() + "/permission-rules", body.toString());
        assertThat(elsewhere.statusCode())
                .as("other routes keep the 1 MiB limit")
                .isEqualTo(413);
        assertThat(json(elsewhere).at("/error/code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void aTextFileSentOverWsReachesTheModelAndBothTransportsRefuseTheSameFiles() throws Exception {
        try (Ws ws = new Ws(live.admin())) {
            ObjectNode frame = body(null, "review this").put("type", "send");
            file(frame.putArray("attachments"), "Main.java", "", "class Main {}\n".getBytes(StandardCharsets.UTF_8));
            ws.send(frame.toString());
            JsonNode accepted = ws.awaitType("accepted");
            ws.subscribe(accepted.get("sessionId").asText(), 0);
            ws.untilRunEnded();
            JsonNode document = userBlocks(api.messageRequests().getLast()).getFirst();
            assertThat(document.path("type").asText()).isEqualTo("document");
            assertThat(document.path("title").asText()).isEqualTo("Main.java");
            assertThat(document.at("/source/data").asText()).isEqualTo("class Main {}\n");

            int requests = api.messageRequests().size();
            byte[] elf = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0};
            byte[] bigText = "x".repeat(1024 * 1024 + 1).getBytes(StandardCharsets.US_ASCII);
            record Refusal(String name, String type, byte[] bytes, int status, String code) {}
            List<Refusal> refusals = List.of(
                    new Refusal(
                            "fake.pdf",
                            "application/pdf",
                            "PK\u0003\u0004".getBytes(StandardCharsets.ISO_8859_1),
                            400,
                            "INVALID"),
                    new Refusal("tool.txt", "text/plain", elf, 400, "INVALID"),
                    new Refusal(
                            "../secrets.txt", "text/plain", "x".getBytes(StandardCharsets.US_ASCII), 400, "INVALID"),
                    new Refusal("a.exe", "application/x-msdownload", elf, 400, "INVALID"),
                    new Refusal("big.txt", "text/plain", bigText, 413, "ATTACHMENT_TOO_LARGE"));
            for (Refusal refusal : refusals) {
                ObjectNode rest = body(null, "x");
                file(rest.putArray("attachments"), refusal.name(), refusal.type(), refusal.bytes());
                // A run's body may be as large as a frame: the same checks answer both.
                HttpResponse<String> refused = live.admin().post("/api/runs", rest.toString());
                assertThat(refused.statusCode()).as(refusal.name()).isEqualTo(refusal.status());
                assertThat(json(refused).at("/error/code").asText()).isEqualTo(refusal.code());
                if (refusal.status() == 400) {
                    assertThat(json(refused).at("/error/field").asText()).isEqualTo("attachments");
                }
                ws.send(rest.put("type", "send").toString());
                JsonNode error = ws.awaitType("error");
                assertThat(error.path("code").asText()).as(refusal.name()).isEqualTo(refusal.code());
            }
            assertThat(api.messageRequests())
                    .as("nothing refused reached the model")
                    .hasSize(requests);
        }
    }

    /** The session's history page once the index has the turn (it follows the transcript file). */
    private String historyWith(String sessionId, String text) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            HttpResponse<String> page = live.admin().get("/api/sessions/" + sessionId + "/messages");
            if (page.statusCode() == 200 && page.body().contains(text)) {
                return page.body();
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the history never showed " + text + ": " + page.body());
            }
            Thread.sleep(100);
        }
    }

    private static List<JsonNode> userBlocks(JsonNode request) {
        JsonNode last = null;
        for (JsonNode message : request.path("messages")) {
            if ("user".equals(message.path("role").asText())) {
                last = message;
            }
        }
        List<JsonNode> blocks = new ArrayList<>();
        for (JsonNode block : last.path("content")) {
            // The CLI adds its own reminders to the first message.
            if (!block.path("text").asText("").startsWith("<system-reminder>")) {
                blocks.add(block);
            }
        }
        return blocks;
    }

    private static void file(ArrayNode files, String name, String mediaType, byte[] bytes) {
        files.addObject()
                .put("name", name)
                .put("mediaType", mediaType)
                .put("data", Base64.getEncoder().encodeToString(bytes));
    }

    private ObjectNode body(String sessionId, String prompt) {
        ObjectNode body = JsonNodeFactory.instance
                .objectNode()
                .put("projectId", live.projectId())
                .put("prompt", prompt)
                .put("clientMessageId", UUID.randomUUID().toString());
        if (sessionId != null) {
            body.put("sessionId", sessionId);
        }
        return body;
    }
}
