package dev.ccui.bootstrap.usage;

import static dev.ccui.bootstrap.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccui.adapters.process.claude.FakeMessagesApi;
import dev.ccui.adapters.process.claude.TestCli;
import dev.ccui.bootstrap.testing.ApiClient;
import dev.ccui.bootstrap.testing.TestApplication;
import dev.ccui.bootstrap.testing.TranscriptFixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /api/usage} on a database: turns run through the app (the real CLI against the fake
 * Messages API) by two members in their own projects, and sessions of the index that the app never
 * ran (the transcript fixtures, dated 2026-11-27). Admins see all of it, members their projects.
 */
// One app and two runs for all the tests, which only read: the runs are the slow part.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
abstract class UsageHttpContract {
    private static final String FIXTURE_DAY = "2026-11-27";

    private FakeMessagesApi api;
    private TestApplication app;
    private ApiClient admin;
    private ApiClient olga;
    private ApiClient sam;
    private String olgaProject;
    private String samProject;
    private final String today = LocalDate.now(ZoneOffset.UTC).toString();

    protected abstract TestApplication open(Path folder, Map<String, String> overrides);

    @BeforeAll
    void setUp(@TempDir Path root) throws Exception {
        api = new FakeMessagesApi();
        Path base = root.toRealPath();
        app = open(
                base,
                new HashMap<>(
                        TestApplication.cliEnvironment(base, TestCli.path().toString(), api.baseUrl())));
        admin = ApiClient.setUpAdmin(app.startHttp());
        olga = admin.createMember("olga");
        sam = admin.createMember("sam");
        Path olgaDir = Files.createDirectories(base.resolve("work").resolve("olga-app"));
        Path samDir = Files.createDirectories(base.resolve("work").resolve("sam-app"));
        olgaProject = json(olga.post("/api/projects", "{\"path\":\"" + olgaDir + "\"}"))
                .get("id")
                .asText();
        samProject = json(sam.post("/api/projects", "{\"path\":\"" + samDir + "\"}"))
                .get("id")
                .asText();
        // A name a spreadsheet would run as a formula.
        assertThat(olga.send("PATCH", "/api/projects/" + olgaProject, "{\"name\":\"=HYPERLINK(\\\"x\\\")\"}")
                        .statusCode())
                .isEqualTo(200);
        TranscriptFixtures.install(base.resolve("claude"), olgaDir);
        app.application().history().indexer().scanAll();
        runToTheEnd(olga, olgaProject);
        runToTheEnd(sam, samProject);
    }

    @AfterAll
    void tearDown() {
        if (app != null) {
            app.close();
        }
        if (api != null) {
            api.close();
        }
    }

    private static void runToTheEnd(ApiClient who, String projectId) throws InterruptedException {
        var started = who.post(
                "/api/runs",
                "{\"projectId\":\"" + projectId + "\",\"prompt\":\"hello\",\"clientMessageId\":\"" + UUID.randomUUID()
                        + "\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String runId = json(started).get("runId").asText();
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            if (json(who.get("/api/runs/" + runId)).get("state").asText().equals("completed")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + runId + " did not complete");
    }

    private static JsonNode usage(ApiClient who, String query) {
        var response = who.get("/api/usage?" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static List<String> labels(JsonNode report) {
        return report.get("items").findValuesAsText("label");
    }

    @Test
    void adminsSeeEveryUserAndMembersOnlyTheirOwnProjects() {
        JsonNode byUser = usage(admin, "from=" + today + "&to=" + today + "&groupBy=user");
        assertThat(labels(byUser)).containsExactlyInAnyOrder("olga", "sam");
        for (JsonNode row : byUser.get("items")) {
            assertThat(row.get("turns").asLong()).isEqualTo(1);
            assertThat(row.get("inputTokens").asLong()).isPositive();
            assertThat(row.get("outputTokens").asLong()).isPositive();
        }
        assertThat(byUser.at("/total/turns").asLong()).isEqualTo(2);

        JsonNode olgasProjects = usage(olga, "from=" + today + "&to=" + today + "&groupBy=project");
        assertThat(olgasProjects.get("items").findValuesAsText("key")).containsExactly(olgaProject);
        JsonNode samsUsers = usage(sam, "from=" + today + "&to=" + today + "&groupBy=user");
        assertThat(labels(samsUsers)).containsExactly("sam");

        JsonNode byModel = usage(admin, "from=" + today + "&to=" + today + "&groupBy=model");
        assertThat(labels(byModel)).hasSize(1).doesNotContain("unknown");
        JsonNode byDay = usage(admin, "from=" + today + "&to=" + today);
        assertThat(byDay.get("groupBy").asText()).isEqualTo("day");
        assertThat(labels(byDay)).containsExactly(today);
    }

    @Test
    void sessionsTheAppNeverRanCountFromTheIndexAsOutsideTheApp() {
        JsonNode byUser = usage(admin, "from=" + FIXTURE_DAY + "&to=" + FIXTURE_DAY + "&groupBy=user");
        assertThat(labels(byUser)).containsExactly("outside the app");
        assertThat(byUser.at("/items/0/turns").asLong())
                .as("the fixture sessions")
                .isEqualTo(3);
        assertThat(byUser.at("/items/0/outputTokens").asLong()).isPositive();
        JsonNode byModel = usage(olga, "from=" + FIXTURE_DAY + "&to=" + FIXTURE_DAY + "&groupBy=model");
        assertThat(String.join(",", labels(byModel)))
                .contains("claude-opus-5-5")
                .contains("claude-haiku-5-5");
        assertThat(usage(sam, "from=" + FIXTURE_DAY + "&to=" + FIXTURE_DAY + "&groupBy=user")
                        .get("items"))
                .as("not sam's project")
                .isEmpty();
    }

    @Test
    void theCsvExportEscapesCellsASpreadsheetWouldRun() throws Exception {
        var http = HttpClient.newHttpClient();
        var byAccept = http.send(
                HttpRequest.newBuilder(URI.create(
                                olga.base() + "/api/usage?from=" + FIXTURE_DAY + "&to=" + today + "&groupBy=project"))
                        .header("Authorization", "Bearer " + olga.token())
                        .header("Accept", "text/csv")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(byAccept.statusCode()).isEqualTo(200);
        assertThat(byAccept.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(byAccept.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment; filename=\"usage-project-");
        List<String> lines = byAccept.body().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("project,key,inputTokens,outputTokens,costUsd,turns");
        assertThat(lines.get(1)).startsWith("\"'=HYPERLINK(\"\"x\"\")\"," + olgaProject + ",");
        assertThat(lines.getLast()).startsWith("total,,");
        assertThat(lines).hasSize(3);

        var byFormat = olga.get("/api/usage?from=" + today + "&to=" + today + "&groupBy=user&format=csv");
        assertThat(byFormat.body()).startsWith("user,key,").contains("\r\nolga,");
    }

    @Test
    void badQueriesAreClearFourHundreds() {
        for (String query : List.of(
                "groupBy=week",
                "from=yesterday",
                "from=2026-12-02&to=2026-12-01",
                "from=2024-01-01&to=2026-01-01",
                "format=xml")) {
            var response = olga.get("/api/usage?" + query);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(json(response).at("/error/code").asText()).isEqualTo("INVALID");
        }
    }
}
