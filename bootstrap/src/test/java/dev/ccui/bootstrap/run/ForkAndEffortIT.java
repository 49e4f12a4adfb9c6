package dev.ccui.bootstrap.run;

import static dev.ccui.bootstrap.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccui.bootstrap.run.RunsHttpIT.Ws;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A session forked from another ({@code --resume <origin> --fork-session}) and the effort level
 * chosen per message, with the real CLI and the fake Messages API: the fork's transcript holds
 * the origin's history, the origin's transcript is untouched, and the model's requests carry the
 * chosen effort ({@code output_config.effort}).
 */
@Timeout(180)
class ForkAndEffortIT extends LiveRunTest {
    @Test
    void aForkStartsFromTheOriginsHistoryAndLeavesTheOriginAsItWas() throws Exception {
        String origin;
        try (Ws ws = new Ws(live.admin())) {
            origin = live.startRun(live.admin(), null, "first words", null)
                    .get("sessionId")
                    .asText();
            ws.subscribe(origin, 0);
            ws.untilRunEnded();
        }
        Path originFile = transcript(origin);
        byte[] before = Files.readAllBytes(originFile);

        JsonNode fork = start(body(null, "forked words").put("forkFrom", origin).put("effort", "high"));
        String forkId = fork.get("sessionId").asText();
        assertThat(forkId).isNotEqualTo(origin);
        try (Ws ws = new Ws(live.admin())) {
            ws.subscribe(forkId, 0);
            ws.untilRunEnded();
        }
        JsonNode request = api.messageRequests().getLast();
        assertThat(request.get("messages").toString()).contains("first words", "forked words");
        assertThat(request.at("/output_config/effort").asText()).isEqualTo("high");

        String forked = Files.readString(transcript(forkId));
        assertThat(forked).contains("first words", "forked words").doesNotContain("\"sessionId\":\"" + origin + "\"");
        assertThat(Files.readAllBytes(originFile))
                .as("the origin's transcript is unchanged")
                .isEqualTo(before);

        // The fork links back to its origin, and its run says the effort it was asked for.
        JsonNode session = poll(() -> Optional.of(live.admin().get("/api/sessions/" + forkId))
                .filter(r -> r.statusCode() == 200)
                .map(r -> json(r))
                .filter(s -> s.hasNonNull("forkedFrom")));
        assertThat(session.get("forkedFrom").asText()).isEqualTo(origin);
        // The copied history is the fork's own in the index too (its records keep the origin's uuids).
        JsonNode messages = poll(() -> Optional.of(json(live.admin().get("/api/sessions/" + forkId + "/messages")))
                .filter(page -> page.toString().contains("forked words")));
        assertThat(messages.toString()).contains("first words");
        assertThat(json(live.admin().get("/api/sessions/" + origin + "/messages"))
                        .toString())
                .contains("first words")
                .doesNotContain("forked words");
        assertThat(json(live.admin().get("/api/sessions/" + origin))
                        .get("forkedFrom")
                        .isNull())
                .isTrue();
        assertThat(json(live.admin().get("/api/runs/" + fork.get("runId").asText()))
                        .get("effort")
                        .asText())
                .isEqualTo("high");
        assertThat(json(live.admin().get("/api/audit?limit=20&action=run.started"))
                        .toString())
                .contains("fork of " + origin);
    }

    @Test
    void theEffortOfEachMessageReachesTheModelAndOnlyTheCliLevelsAreTaken() throws Exception {
        String sessionId;
        try (Ws ws = new Ws(live.admin())) {
            JsonNode first = start(body(null, "one").put("effort", "low"));
            sessionId = first.get("sessionId").asText();
            ws.subscribe(sessionId, 0);
            long seq = ws.untilRunEnded().getLast().get("seq").asLong();
            assertThat(api.messageRequests()
                            .getLast()
                            .at("/output_config/effort")
                            .asText())
                    .isEqualTo("low");
            // The same CLI process takes the next message at another level.
            start(body(sessionId, "two").put("effort", "max"));
            ws.untilRunEnded(seq);
        }
        assertThat(api.messageRequests().getLast().at("/output_config/effort").asText())
                .isEqualTo("max");
        for (String bad : List.of("turbo", "--dangerously-skip-permissions", "HIGH")) {
            HttpResponse<String> refused = live.admin()
                    .post("/api/runs", body(sessionId, "x").put("effort", bad).toString());
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(json(refused).at("/error/field").asText()).isEqualTo("effort");
        }
        HttpResponse<String> both = live.admin()
                .post(
                        "/api/runs",
                        body(sessionId, "x").put("forkFrom", sessionId).toString());
        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(json(both).at("/error/field").asText()).isEqualTo("forkFrom");
        HttpResponse<String> unknown = live.admin()
                .post(
                        "/api/runs",
                        body(null, "x")
                                .put("forkFrom", UUID.randomUUID().toString())
                                .toString());
        assertThat(unknown.statusCode()).isEqualTo(404);
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

    private JsonNode start(ObjectNode body) {
        HttpResponse<String> response = live.admin().post("/api/runs", body.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json(response);
    }

    private Path transcript(String sessionId) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.getFileName().toString().equals(sessionId + ".jsonl"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no transcript of " + sessionId));
        }
    }

    private static <T> T poll(Supplier<Optional<T>> probe) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            try {
                Optional<T> value = probe.get();
                if (value.isPresent()) {
                    return value.get();
                }
            } catch (UncheckedIOException ignored) {
                // Not there yet.
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("not within 30 s");
            }
            Thread.sleep(100);
        }
    }
}
