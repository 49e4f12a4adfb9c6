package dev.ccui.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccui.adapters.http.HttpServer.RouteInfo;
import dev.ccui.adapters.http.security.Access;
import dev.ccui.adapters.process.push.PushSubscriberKeys;
import dev.ccui.adapters.process.workspace.git.GitFixture;
import dev.ccui.bootstrap.testing.ApiClient;
import dev.ccui.bootstrap.testing.TestApplication;
import dev.ccui.bootstrap.testing.TranscriptFixtures;
import dev.ccui.bootstrap.testing.WsFrames;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The authorisation matrix of issue 11: every endpoint the router registered (read from the
 * server's own route table, WebSocket upgrades included) × every kind of caller → the status the
 * threat model in {@code docs/security.md} expects. A route the table below has no rule for fails
 * this test, and a route registered without an {@link Access} stops the server from starting.
 * The table of what was seen is written to {@code target/authorization-matrix.md}.
 */
abstract class AuthorizationMatrixContract {
    private static final String METRICS_TOKEN = "matrix-metrics-token-0123456789";

    /** What a route needs beyond its {@link Access}, as the threat model says. */
    enum Rule {
        PUBLIC,
        SCRAPE,
        USER,
        SESSION_ONLY_NO_KEY,
        ADMIN,
        PROJECT,
        OWN_KEY,
        OWN_PUSH_SUBSCRIPTION,
        RUN,
        WS,
        WS_TERMINAL
    }

    /** Who calls. */
    enum Caller {
        ANONYMOUS,
        OWNER_MEMBER,
        OTHER_MEMBER,
        ADMIN,
        KEY_API,
        KEY_TERMINAL,
        KEY_ADMIN,
        ADMIN_KEY_WITHOUT_ADMIN_SCOPE,
        DISABLED_USER,
        REVOKED_TOKEN,
        EXPIRED_TOKEN,
        FOREIGN_KEY_TOKEN,
        ALG_NONE,
        JTI_OF_ANOTHER_USER
    }

    /** What must happen: let through (any answer but 401/403), or refused with exactly this status. */
    enum Expect {
        ALLOWED,
        UNAUTHORIZED,
        FORBIDDEN,
        DENIED_403_OR_404
    }

    /** The rule of each route, by method and template. Adding a route without a line here fails the test. */
    private static final Map<String, Rule> RULES = new LinkedHashMap<>();

    static {
        for (String route : List.of(
                "GET /api/health",
                "GET /api/auth/status",
                "POST /api/auth/setup",
                "POST /api/auth/login",
                "GET /api/openapi.json")) {
            RULES.put(route, Rule.PUBLIC);
        }
        RULES.put("GET /metrics", Rule.SCRAPE);
        for (String route : List.of(
                "POST /api/auth/logout",
                "GET /api/auth/me",
                "POST /api/auth/password",
                "POST /api/auth/ws-ticket",
                "GET /api/api-keys",
                "GET /api/projects",
                "POST /api/projects",
                "POST /api/projects/new",
                "POST /api/projects/clone",
                "GET /api/runs",
                "GET /api/search",
                "GET /api/push/vapid-public-key",
                "GET /api/push/subscriptions",
                "POST /api/push/subscriptions",
                "GET /api/push/preferences",
                "PUT /api/push/preferences",
                // The caller's own theme and language (an API key's are its owner's): PreferencesHttpIT.
                "GET /api/me/preferences",
                "PUT /api/me/preferences",
                // Each account's own permission rules; another's rule id is 404 (PermissionRulesIT).
                "GET /api/me/permission-rules",
                "POST /api/me/permission-rules",
                "DELETE /api/me/permission-rules/{ruleId}",
                // Each account's own CLAUDE.md: there is no other account's to name.
                "GET /api/memory/user",
                "PUT /api/memory/user",
                // Admins see every project's usage, members their own projects' (UsageHttpIT).
                "GET /api/usage")) {
            RULES.put(route, Rule.USER);
        }
        RULES.put("POST /api/api-keys", Rule.SESSION_ONLY_NO_KEY);
        RULES.put("DELETE /api/api-keys/{id}", Rule.OWN_KEY);
        RULES.put("DELETE /api/push/subscriptions/{id}", Rule.OWN_PUSH_SUBSCRIPTION);
        for (String route : List.of(
                "GET /api/users",
                "POST /api/users",
                "GET /api/users/{id}",
                "PATCH /api/users/{id}",
                "DELETE /api/users/{id}",
                "GET /api/admin/maintenance",
                "PUT /api/admin/maintenance",
                "GET /api/admin/unsafe-projects",
                "POST /api/admin/sessions/revoke-all",
                "GET /api/audit",
                "GET /api/metrics")) {
            RULES.put(route, Rule.ADMIN);
        }
        for (String route : List.of(
                "GET /api/projects/{projectId}",
                "PATCH /api/projects/{projectId}",
                "DELETE /api/projects/{projectId}",
                "GET /api/projects/{projectId}/members",
                "POST /api/projects/{projectId}/members",
                "DELETE /api/projects/{projectId}/members/{userId}",
                "GET /api/projects/{projectId}/sessions",
                "POST /api/runs",
                "GET /api/sessions/{sessionId}",
                "PATCH /api/sessions/{sessionId}",
                "DELETE /api/sessions/{sessionId}",
                "GET /api/sessions/{sessionId}/messages",
                "GET /api/sessions/{sessionId}/matches",
                "GET /api/sessions/{sessionId}/tool-results/{toolUseId}",
                "GET /api/sessions/{sessionId}/images/{imageId}",
                "GET /api/sessions/{sessionId}/export",
                "GET /api/sessions/{sessionId}/events",
                "GET /api/sessions/{sessionId}/queue",
                "PATCH /api/sessions/{sessionId}/queue/{messageId}",
                "DELETE /api/sessions/{sessionId}/queue/{messageId}",
                "POST /api/sessions/{sessionId}/queue/{messageId}/send-now",
                "GET /api/projects/{projectId}/files",
                "GET /api/projects/{projectId}/files/content",
                "PUT /api/projects/{projectId}/files/content",
                "POST /api/projects/{projectId}/files/content",
                "DELETE /api/projects/{projectId}/files/content",
                "POST /api/projects/{projectId}/files/move",
                "POST /api/projects/{projectId}/files/upload",
                "GET /api/projects/{projectId}/files/zip",
                "GET /api/projects/{projectId}/git/status",
                "GET /api/projects/{projectId}/git/diff",
                "GET /api/projects/{projectId}/git/log",
                "GET /api/projects/{projectId}/git/branches",
                "POST /api/projects/{projectId}/git/stage",
                "POST /api/projects/{projectId}/git/unstage",
                "POST /api/projects/{projectId}/git/commit",
                "POST /api/projects/{projectId}/git/checkout",
                "POST /api/projects/{projectId}/git/branch",
                "POST /api/projects/{projectId}/git/branch/delete",
                "POST /api/projects/{projectId}/git/branch/rename",
                "POST /api/projects/{projectId}/git/discard",
                "POST /api/projects/{projectId}/git/discard-hunk",
                "GET /api/projects/{projectId}/git/stashes",
                "POST /api/projects/{projectId}/git/stashes",
                "POST /api/projects/{projectId}/git/stashes/{index}/apply",
                "DELETE /api/projects/{projectId}/git/stashes/{index}",
                "POST /api/projects/{projectId}/git/fetch",
                "POST /api/projects/{projectId}/git/pull",
                "POST /api/projects/{projectId}/git/push",
                "GET /api/projects/{projectId}/worktrees",
                "POST /api/projects/{projectId}/worktrees",
                "DELETE /api/projects/{projectId}/worktrees/{worktreeId}",
                "POST /api/projects/{projectId}/git/commit-message",
                "GET /api/projects/{projectId}/mcp-servers",
                "POST /api/projects/{projectId}/mcp-servers",
                "DELETE /api/projects/{projectId}/mcp-servers/{name}",
                "GET /api/projects/{projectId}/permission-rules",
                "POST /api/projects/{projectId}/permission-rules",
                "DELETE /api/projects/{projectId}/permission-rules/{ruleId}")) {
            RULES.put(route, Rule.PROJECT);
        }
        for (String route : List.of(
                "GET /api/runs/{runId}",
                "POST /api/runs/{runId}/interrupt",
                "POST /api/runs/{runId}/permissions/{requestId}",
                // A clone is its starter's (and admins'); others get 404 as for a run.
                "GET /api/clones/{cloneId}",
                "POST /api/clones/{cloneId}/cancel")) {
            RULES.put(route, Rule.RUN);
        }
        RULES.put("WEBSOCKET /ws", Rule.WS);
        RULES.put("WEBSOCKET /ws/terminal", Rule.WS_TERMINAL);
    }

    /** The threat model as a function: docs/security.md, "Who may do what". */
    static Expect expected(Rule rule, Caller caller) {
        switch (caller) {
            case DISABLED_USER, REVOKED_TOKEN, EXPIRED_TOKEN, FOREIGN_KEY_TOKEN, ALG_NONE, JTI_OF_ANOTHER_USER -> {
                // A credential that is presented and wrong is refused everywhere, public routes included.
                return Expect.UNAUTHORIZED;
            }
            default -> {}
        }
        boolean key = caller.name().startsWith("KEY_") || caller == Caller.ADMIN_KEY_WITHOUT_ADMIN_SCOPE;
        boolean actsAsAdmin = caller == Caller.ADMIN || caller == Caller.KEY_ADMIN;
        boolean ownerSide = caller == Caller.OWNER_MEMBER || caller == Caller.KEY_API || caller == Caller.KEY_TERMINAL;
        if (caller == Caller.ANONYMOUS) {
            return rule == Rule.PUBLIC ? Expect.ALLOWED : Expect.UNAUTHORIZED;
        }
        return switch (rule) {
            case PUBLIC -> Expect.ALLOWED;
            // The scrape takes the metrics token or an admin's session token, never an API key.
            case SCRAPE -> key ? Expect.UNAUTHORIZED : caller == Caller.ADMIN ? Expect.ALLOWED : Expect.FORBIDDEN;
            case USER, WS -> Expect.ALLOWED;
            case SESSION_ONLY_NO_KEY -> key ? Expect.FORBIDDEN : Expect.ALLOWED;
            case ADMIN -> actsAsAdmin ? Expect.ALLOWED : Expect.FORBIDDEN;
            case PROJECT -> actsAsAdmin || ownerSide ? Expect.ALLOWED : Expect.FORBIDDEN;
            // A device is its user's own: another member's delete finds nothing (an admin's neither: 404).
            case OWN_KEY, OWN_PUSH_SUBSCRIPTION, RUN ->
                actsAsAdmin || ownerSide ? Expect.ALLOWED : Expect.DENIED_403_OR_404;
            case WS_TERMINAL ->
                caller == Caller.OWNER_MEMBER || caller == Caller.ADMIN || caller == Caller.KEY_TERMINAL
                        ? Expect.ALLOWED
                        : Expect.FORBIDDEN;
        };
    }

    @TempDir
    Path folder;

    private TestApplication app;
    private String base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<Caller, Map<String, String>> credentials = new LinkedHashMap<>();
    private final AtomicInteger counter = new AtomicInteger();
    private ApiClient admin;
    private ApiClient olga;
    private String projectId;
    private String sessionId;
    private String runId;
    private String bystanderId;
    private Path projectDir;
    private String cloneId;

    protected abstract TestApplication open(Path folder, Map<String, String> overrides);

    @BeforeEach
    void start() throws Exception {
        // Push subscriptions of the matrix point at a closed port on loopback: nothing is ever sent elsewhere.
        app = open(folder, Map.of("METRICS_TOKEN", METRICS_TOKEN, "CCUI_PUSH_ALLOW_LOOPBACK_HTTP", "true"));
        base = app.startHttp();
        admin = ApiClient.setUpAdmin(base);
        olga = admin.createMember("olga");
        // The web shell is a capability an admin grants (issue 12): olga has it, sam does not.
        assertThat(admin.send("PATCH", "/api/users/" + olga.userId(), "{\"capabilities\":[\"terminal\"]}")
                        .statusCode())
                .isEqualTo(200);
        ApiClient sam = admin.createMember("sam");
        bystanderId = ApiClient.json(
                        admin.post("/api/users", "{\"username\":\"bystander\",\"password\":\"bystander password 1\"}"))
                .get("id")
                .asText();

        projectDir = Files.createDirectories(folder.resolve("work").resolve("olga-app"));
        Files.writeString(projectDir.resolve("readme.txt"), "hello");
        projectId = ApiClient.json(olga.post("/api/projects", "{\"path\":\"" + projectDir + "\"}"))
                .get("id")
                .asText();
        TranscriptFixtures.install(folder.resolve("claude"), projectDir);
        app.application().history().indexer().scanAll();
        sessionId = TranscriptFixtures.SESSIONS.getFirst();
        assertThat(olga.get("/api/sessions/" + sessionId).statusCode())
                .as("the session is in olga's project")
                .isEqualTo(200);
        runId = ApiClient.json(olga.post(
                        "/api/runs",
                        "{\"projectId\":\"" + projectId + "\",\"prompt\":\"hi\",\"clientMessageId\":\"matrix-run\"}"))
                .get("runId")
                .asText();

        Path shared = GitFixture.bare(folder.resolve("work").resolve("shared.git"));
        var clone = olga.post("/api/projects/clone", "{\"url\":\"" + shared + "\",\"name\":\"olga-clone\"}");
        assertThat(clone.statusCode()).as(clone.body()).isEqualTo(202);
        cloneId = ApiClient.json(clone).get("id").asText();

        String olgaToken = token(olga);
        credentials.put(Caller.ANONYMOUS, Map.of());
        credentials.put(Caller.OWNER_MEMBER, bearer(olgaToken));
        credentials.put(Caller.OTHER_MEMBER, bearer(token(sam)));
        credentials.put(Caller.ADMIN, bearer(token(admin)));
        credentials.put(Caller.KEY_API, apiKey(olga, "[\"api\"]"));
        credentials.put(Caller.KEY_TERMINAL, apiKey(olga, "[\"terminal\"]"));
        credentials.put(Caller.KEY_ADMIN, apiKey(admin, "[\"admin\"]"));
        credentials.put(Caller.ADMIN_KEY_WITHOUT_ADMIN_SCOPE, apiKey(admin, "[\"api\"]"));

        ApiClient dora = admin.createMember("dora");
        String doraId = dora.userId();
        assertThat(admin.send("PATCH", "/api/users/" + doraId, "{\"disabled\":true}")
                        .statusCode())
                .isEqualTo(200);
        credentials.put(Caller.DISABLED_USER, bearer(token(dora)));
        ApiClient signedOut = login("olga");
        assertThat(signedOut.post("/api/auth/logout", null).statusCode()).isEqualTo(204);
        credentials.put(Caller.REVOKED_TOKEN, bearer(token(signedOut)));
        String secret = Tokens.secretOf(folder.resolve("data"));
        String olgaJti = Tokens.jtiOf(olgaToken);
        credentials.put(
                Caller.EXPIRED_TOKEN,
                bearer(Tokens.signed(
                        secret, olga.userId(), olgaJti, Instant.now().minusSeconds(60))));
        credentials.put(
                Caller.FOREIGN_KEY_TOKEN,
                bearer(Tokens.signed(
                        "another secret of at least thirty-two bytes!",
                        olga.userId(),
                        olgaJti,
                        Instant.now().plusSeconds(3600))));
        credentials.put(Caller.ALG_NONE, bearer(Tokens.algNone(olgaToken)));
        credentials.put(
                Caller.JTI_OF_ANOTHER_USER,
                bearer(Tokens.signed(
                        secret, admin.userId(), olgaJti, Instant.now().plusSeconds(3600))));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void everyRouteTimesEveryCallerAnswersAsTheThreatModelSays() throws Exception {
        List<RouteInfo> endpoints =
                new ArrayList<>(app.application().start().http().endpoints());
        List<String> unruled = endpoints.stream()
                .map(r -> r.method() + " " + r.path())
                .filter(r -> !RULES.containsKey(r))
                .toList();
        assertThat(unruled)
                .as("routes without a rule in the authorisation matrix (add them to RULES and docs/security.md)")
                .isEmpty();
        assertThat(endpoints).hasSizeGreaterThan(60);
        // Routes that end what they act on run last: signing out, hiding the session.
        endpoints.sort(Comparator.comparingInt((RouteInfo r) -> r.path().equals("/api/auth/logout")
                ? 2
                : r.method().equals("DELETE") && r.path().equals("/api/sessions/{sessionId}") ? 1 : 0));

        List<String> failures = new ArrayList<>();
        StringBuilder table = new StringBuilder("| route | access |");
        for (Caller caller : Caller.values()) {
            table.append(' ')
                    .append(caller.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                    .append(" |");
        }
        table.append("\n|---|---|")
                .append("---|".repeat(Caller.values().length))
                .append('\n');
        for (RouteInfo route : endpoints) {
            Rule rule = RULES.get(route.method() + " " + route.path());
            table.append("| `")
                    .append(route.method())
                    .append(' ')
                    .append(route.path())
                    .append("` | ")
                    .append(rule)
                    .append(" |");
            for (Caller caller : Caller.values()) {
                int status = call(route, caller);
                Expect expect = expected(rule, caller);
                boolean ok = switch (expect) {
                    case ALLOWED -> status != 401 && status != 403 && status < 500;
                    case UNAUTHORIZED -> status == 401;
                    case FORBIDDEN -> status == 403;
                    case DENIED_403_OR_404 -> status == 403 || status == 404;
                };
                table.append(' ').append(status).append(ok ? "" : " ✗").append(" |");
                if (!ok) {
                    failures.add(route.method() + " " + route.path() + " as " + caller + ": expected " + expect
                            + ", got " + status);
                }
            }
            table.append('\n');
        }
        Path report = Path.of("target", "authorization-matrix-" + getClass().getSimpleName() + ".md");
        Files.createDirectories(report.getParent());
        Files.writeString(
                report,
                "# Authorisation matrix: " + endpoints.size() + " routes × " + Caller.values().length + " callers = "
                        + endpoints.size() * Caller.values().length + " cells\n\n" + table);
        assertThat(failures)
                .as("cells that break the threat model (table in " + report.toAbsolutePath() + ")")
                .isEmpty();
    }

    @Test
    void healthDetailsAreForAdminsAndTheMetricsToken() throws Exception {
        JsonNode anonymous = ApiClient.json(send("GET", "/api/health", null, Map.of()));
        assertThat(anonymous.has("checks")).isFalse();
        JsonNode member = ApiClient.json(send("GET", "/api/health", null, credentials.get(Caller.OWNER_MEMBER)));
        assertThat(member.has("version")).isFalse();
        JsonNode scraper = ApiClient.json(send("GET", "/api/health", null, bearer(METRICS_TOKEN)));
        assertThat(scraper.at("/checks/database/status").asText()).isEqualTo("up");
        JsonNode byKey = ApiClient.json(send("GET", "/api/health", null, credentials.get(Caller.KEY_ADMIN)));
        assertThat(byKey.has("checks")).isTrue();
    }

    @Test
    void aKeyCannotMintKeysNorAnAdminKeyWithoutTheScopeDoAdminWork() throws Exception {
        var minted = send("POST", "/api/api-keys", "{\"name\":\"more\"}", credentials.get(Caller.KEY_ADMIN));
        assertThat(minted.statusCode()).isEqualTo(403);
        assertThat(ApiClient.json(minted).at("/error/code").asText()).isEqualTo("API_KEY_REFUSED");
        var users = send(
                "POST",
                "/api/users",
                "{\"username\":\"evil\",\"password\":\"evil password 12\",\"role\":\"admin\"}",
                credentials.get(Caller.ADMIN_KEY_WITHOUT_ADMIN_SCOPE));
        assertThat(users.statusCode()).isEqualTo(403);
        assertThat(ApiClient.json(users).at("/error/code").asText()).isEqualTo("SCOPE_REQUIRED");
        var grant = olga.post("/api/api-keys", "{\"name\":\"x\",\"scopes\":[\"admin\"]}");
        assertThat(grant.statusCode())
                .as("a member cannot grant the admin scope")
                .isEqualTo(400);
    }

    /**
     * The /ws message types that act on a session or run, sent by its owner and by another member:
     * the owner is served, the other member gets the REST equivalent's refusal as an error frame.
     */
    @Test
    void everyWebSocketMessageTypeIsRefusedToAnotherMember() throws Exception {
        Map<String, String> frames = new LinkedHashMap<>();
        frames.put("subscribe", "{\"type\":\"subscribe\",\"sessionId\":\"" + sessionId + "\",\"afterSeq\":0}");
        frames.put("unsubscribe", "{\"type\":\"unsubscribe\",\"sessionId\":\"" + sessionId + "\"}");
        frames.put(
                "send",
                "{\"type\":\"send\",\"projectId\":\"" + projectId + "\",\"sessionId\":\"" + sessionId
                        + "\",\"prompt\":\"hi\",\"clientMessageId\":\"ws-other\"}");
        String waiting = "\",\"messageId\":\"00000000-0000-0000-0000-000000000001\",\"clientMessageId\":\"q\"}";
        frames.put(
                "queue_edit", "{\"type\":\"queue_edit\",\"sessionId\":\"" + sessionId + "\",\"prompt\":\"x" + waiting);
        frames.put("queue_remove", "{\"type\":\"queue_remove\",\"sessionId\":\"" + sessionId + waiting);
        frames.put("queue_send_now", "{\"type\":\"queue_send_now\",\"sessionId\":\"" + sessionId + waiting);
        frames.put(
                "send (queue)",
                "{\"type\":\"send\",\"queue\":true,\"projectId\":\"" + projectId + "\",\"sessionId\":\"" + sessionId
                        + "\",\"prompt\":\"hi\",\"clientMessageId\":\"ws-other-q\"}");
        frames.put("interrupt", "{\"type\":\"interrupt\",\"runId\":\"" + runId + "\",\"clientMessageId\":\"i\"}");
        frames.put(
                "permission",
                "{\"type\":\"permission\",\"runId\":\"" + runId
                        + "\",\"requestId\":\"r\",\"decision\":\"allow\",\"clientMessageId\":\"p\"}");
        ApiClient sam = new ApiClient(
                base, credentials.get(Caller.OTHER_MEMBER).get("Authorization").substring(7));
        try (var socket = WsFrames.open(sam)) {
            for (var frame : frames.entrySet()) {
                if (frame.getKey().equals("unsubscribe")) {
                    continue; // Unsubscribing from what one never had is a no-op, nothing to refuse.
                }
                socket.clear();
                socket.send(frame.getValue());
                JsonNode error = ApiClient.json(socket.await("error", 5_000));
                assertThat(error.get("code").asText()).as(frame.getKey()).isIn("FORBIDDEN", "NOT_FOUND");
            }
        }
        try (var socket = WsFrames.open(olga)) {
            socket.send(frames.get("subscribe"));
            assertThat(ApiClient.json(socket.await("subscribed", 5_000))
                            .get("sessionId")
                            .asText())
                    .isEqualTo(sessionId);
        }
    }

    private int call(RouteInfo route, Caller caller) throws Exception {
        Map<String, String> headers = credentials.get(caller);
        if (route.method().equals("WEBSOCKET")) {
            String query = route.path().equals("/ws/terminal") ? "?projectId=" + projectId : "";
            return upgrade(route.path() + query, headers);
        }
        int n = counter.incrementAndGet();
        String path = route.path()
                .replace(
                        "{projectId}",
                        route.method().equals("DELETE") && route.path().equals("/api/projects/{projectId}")
                                ? throwawayProject(n)
                                : projectId)
                .replace("{sessionId}", sessionId)
                .replace("{runId}", runId)
                .replace("{requestId}", "no-such-request")
                .replace("{userId}", bystanderId)
                .replace("{toolUseId}", "toolu_none")
                .replace("{imageId}", "none")
                // A well-formed id of no message: the session's rule answers before the lookup.
                .replace("{messageId}", "00000000-0000-0000-0000-00000000000" + (n % 10))
                .replace("{index}", "0")
                .replace("{cloneId}", cloneId)
                .replace("{worktreeId}", projectId)
                .replace("{name}", "none")
                .replace("{ruleId}", "00000000-0000-0000-0000-000000000000");
        if (path.startsWith("/api/users/{id}")) {
            path = path.replace("{id}", route.method().equals("DELETE") ? throwawayUser(n) : bystanderId);
        }
        if (path.startsWith("/api/api-keys/{id}")) {
            path = path.replace("{id}", throwawayKey(n));
        }
        if (path.startsWith("/api/push/subscriptions/{id}")) {
            path = path.replace("{id}", throwawaySubscription(n));
        }
        String body = null;
        switch (route.method() + " " + route.path()) {
            case "POST /api/auth/setup" -> body = "{\"username\":\"late\",\"password\":\"late password 12\"}";
            case "POST /api/auth/login" -> body = "{\"username\":\"olga\",\"password\":\"olga password 1\"}";
            case "POST /api/auth/password" ->
                body = "{\"currentPassword\":\"wrong password 1\",\"newPassword\":\"a new long password 7\"}";
            case "POST /api/api-keys" -> body = "{\"name\":\"k" + n + "\"}";
            case "POST /api/users" ->
                body = "{\"username\":\"made" + n + "\",\"password\":\"made password " + n + "x\"}";
            case "PATCH /api/users/{id}" -> body = "{}";
            case "PUT /api/admin/maintenance" -> body = "{\"enabled\":false}";
            case "POST /api/projects" ->
                body = "{\"path\":\""
                        + Files.createDirectories(folder.resolve("work").resolve("reg" + n)) + "\"}";
            case "POST /api/projects/new" -> body = "{\"name\":\"new" + n + "\"}";
            case "PATCH /api/projects/{projectId}" -> body = "{\"starred\":true}";
            case "POST /api/projects/{projectId}/members" -> body = "{\"userId\":\"" + bystanderId + "\"}";
            case "POST /api/projects/{projectId}/permission-rules" ->
                body = "{\"behavior\":\"deny\",\"rule\":\"Bash(echo m" + n + ")\"}";
            case "POST /api/me/permission-rules" -> body = "{\"behavior\":\"deny\",\"rule\":\"Bash(echo a" + n + ")\"}";
            case "PATCH /api/sessions/{sessionId}" -> body = "{\"title\":\"t\"}";
            case "POST /api/runs" ->
                body = "{\"projectId\":\"" + projectId + "\",\"prompt\":\"hi\",\"clientMessageId\":\"m" + n + "\"}";
            case "POST /api/runs/{runId}/permissions/{requestId}" -> body = "{\"decision\":\"allow\"}";
            case "PATCH /api/sessions/{sessionId}/queue/{messageId}" -> body = "{\"prompt\":\"x\"}";
            case "PUT /api/projects/{projectId}/files/content" -> body = "{\"content\":\"x\"}";
            case "POST /api/projects/{projectId}/files/content" -> body = "{\"content\":\"x\"}";
            case "POST /api/projects/{projectId}/files/move" ->
                body = "{\"from\":\"none" + n + "\",\"to\":\"other" + n + "\"}";
            default -> body = route.method().equals("GET") || route.method().equals("DELETE") ? null : "{}";
        }
        if (route.path().endsWith("/files/content")) {
            path += "?path=" + (route.method().equals("GET") ? "readme.txt" : "m" + n + ".txt");
        } else if (route.path().endsWith("/files")) {
            path += "?path=";
        } else if (route.path().endsWith("/matches") || route.path().equals("/api/search")) {
            path += "?q=hello";
        } else if (route.path().endsWith("/tool-results/{toolUseId}")) {
            path += "?seq=1";
        }
        return send(route.method(), path, body, headers).statusCode();
    }

    private HttpResponse<String> send(String method, String path, String body, Map<String, String> headers)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private int upgrade(String pathAndQuery, Map<String, String> headers) throws Exception {
        var builder = http.newWebSocketBuilder();
        headers.forEach(builder::header);
        try {
            WebSocket ws = builder.buildAsync(
                            URI.create(base.replace("http://", "ws://") + pathAndQuery), new WebSocket.Listener() {})
                    .get(10, TimeUnit.SECONDS);
            ws.abort();
            return 101;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException handshake) {
                return handshake.getResponse().statusCode();
            }
            throw e;
        }
    }

    private String throwawayProject(int n) throws IOException {
        Path dir = Files.createDirectories(folder.resolve("work").resolve("gone" + n));
        return ApiClient.json(olga.post("/api/projects", "{\"path\":\"" + dir + "\"}"))
                .get("id")
                .asText();
    }

    private String throwawayUser(int n) {
        return ApiClient.json(admin.post(
                        "/api/users", "{\"username\":\"gone" + n + "\",\"password\":\"gone password " + n + "x\"}"))
                .get("id")
                .asText();
    }

    private String throwawayKey(int n) {
        return ApiClient.json(olga.post("/api/api-keys", "{\"name\":\"gone" + n + "\"}"))
                .get("id")
                .asText();
    }

    private String throwawaySubscription(int n) throws Exception {
        var keys = new PushSubscriberKeys();
        return ApiClient.json(olga.post(
                        "/api/push/subscriptions",
                        "{\"endpoint\":\"http://127.0.0.1:9/push/" + n + "\",\"keys\":{\"p256dh\":\"" + keys.p256dh()
                                + "\",\"auth\":\"" + keys.auth() + "\"}}"))
                .get("id")
                .asText();
    }

    private ApiClient login(String name) {
        var response = new ApiClient(base, null)
                .post("/api/auth/login", "{\"username\":\"" + name + "\",\"password\":\"" + name + " password 1\"}");
        return new ApiClient(base, ApiClient.json(response).get("token").asText());
    }

    private static String token(ApiClient client) {
        return client.token();
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    private static Map<String, String> apiKey(ApiClient owner, String scopes) {
        var created = owner.post(
                "/api/api-keys",
                "{\"name\":\"matrix " + scopes.replaceAll("\\W", "") + "\",\"scopes\":" + scopes + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Map.of("X-API-Key", ApiClient.json(created).get("secret").asText());
    }
}
