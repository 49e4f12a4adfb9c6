package dev.ccui.bootstrap.push;

import static dev.ccui.bootstrap.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccui.adapters.process.claude.FakeMessagesApi;
import dev.ccui.adapters.process.claude.TestCli;
import dev.ccui.adapters.process.push.LoopbackPushService;
import dev.ccui.adapters.process.push.PushSubscriberKeys;
import dev.ccui.bootstrap.testing.ApiClient;
import dev.ccui.bootstrap.testing.TestApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Web Push end to end: the real CLI against the fake Messages API asks for a permission, and the
 * member who started the run gets an encrypted notification at the push service on 127.0.0.1
 * that their subscription names, which the test decrypts with that subscription's keys. Another
 * member, subscribed too, gets nothing.
 */
@Timeout(120)
class WebPushIT {
    @TempDir
    Path root;

    private FakeMessagesApi api;
    private LoopbackPushService pushService;
    private TestApplication app;
    private ApiClient olga;
    private ApiClient sam;
    private String projectId;
    private Path cwd;

    @BeforeEach
    void setUp() throws Exception {
        api = new FakeMessagesApi();
        pushService = new LoopbackPushService();
        Path base = root.toRealPath();
        cwd = Files.createDirectories(base.resolve("work").resolve("app"));
        var env = new HashMap<>(
                TestApplication.cliEnvironment(base, TestCli.path().toString(), api.baseUrl()));
        env.put("CCUI_PERMISSION_TIMEOUT", "1m");
        env.put("CCUI_PUSH_ALLOW_LOOPBACK_HTTP", "true");
        app = TestApplication.sqlite(base, env);
        ApiClient admin = ApiClient.setUpAdmin(app.startHttp());
        olga = admin.createMember("olga");
        sam = admin.createMember("sam");
        projectId = json(olga.post("/api/projects", "{\"path\":\"" + cwd + "\"}"))
                .get("id")
                .asText();
    }

    @AfterEach
    void tearDown() {
        if (app != null) {
            app.close();
        }
        pushService.close();
        api.close();
    }

    private static String subscribeBody(String endpoint, PushSubscriberKeys keys) {
        return "{\"endpoint\":\"" + endpoint + "\",\"keys\":{\"p256dh\":\"" + keys.p256dh() + "\",\"auth\":\""
                + keys.auth() + "\"},\"device\":\"Test browser\"}";
    }

    private JsonNode startRun(String prompt) {
        var response = olga.post(
                "/api/runs",
                "{\"projectId\":\"" + projectId + "\",\"prompt\":\"" + prompt + "\",\"clientMessageId\":\""
                        + UUID.randomUUID() + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json(response);
    }

    private JsonNode awaitEvent(String sessionId, String kind) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode item : json(olga.get("/api/sessions/" + sessionId + "/events?afterSeq=0&limit=1000"))
                    .get("items")) {
                if (kind.equals(item.at("/event/kind").asText())) {
                    return item.get("event");
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + kind + " event in session " + sessionId);
    }

    @Test
    void aPermissionRequestOfARealRunIsPushedToTheMemberWhoStartedItAndToNobodyElse() throws Exception {
        PushSubscriberKeys olgasPhone = new PushSubscriberKeys();
        PushSubscriberKeys samsPhone = new PushSubscriberKeys();
        var subscribed = olga.post("/api/push/subscriptions", subscribeBody(pushService.endpoint("olga"), olgasPhone));
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);
        assertThat(json(subscribed).get("service").asText()).startsWith("http://127.0.0.1:");
        assertThat(subscribed.body()).doesNotContain("/push/olga");
        assertThat(sam.post("/api/push/subscriptions", subscribeBody(pushService.endpoint("sam"), samsPhone))
                        .statusCode())
                .isEqualTo(201);
        assertThat(sam.send("PUT", "/api/push/preferences", "{\"runFinished\":true}")
                        .statusCode())
                .isEqualTo(200);
        String vapidKey =
                json(olga.get("/api/push/vapid-public-key")).get("publicKey").asText();
        assertThat(json(sam.get("/api/push/vapid-public-key")).get("publicKey").asText())
                .as("one key pair for the installation")
                .isEqualTo(vapidKey);

        JsonNode started = startRun("WRITE " + cwd.resolve("pushed.txt"));
        String sessionId = started.get("sessionId").asText();
        List<LoopbackPushService.Received> others = new ArrayList<>();
        LoopbackPushService.Received message = pushService.awaitFor("olga", Duration.ofSeconds(60), others);
        assertThat(message).as("olga's push service got a message").isNotNull();
        assertThat(message.header("Authorization")).contains("k=" + vapidKey);
        JsonNode payload = json(olgasPhone.decrypt(message.body()));
        assertThat(payload.get("topic").asText()).isEqualTo("approvalNeeded");
        assertThat(payload.get("title").asText()).isEqualTo("Approval needed in app");
        assertThat(payload.get("body").asText()).startsWith("Write");
        assertThat(payload.get("url").asText()).isEqualTo("/#/p/" + projectId + "/s/" + sessionId);

        JsonNode request = awaitEvent(sessionId, "permission_request");
        assertThat(olga.post(
                                "/api/runs/" + started.get("runId").asText() + "/permissions/"
                                        + request.get("requestId").asText(),
                                "{\"decision\":\"allow\"}")
                        .statusCode())
                .isEqualTo(204);
        awaitEvent(sessionId, "run_ended");
        // The run's end is pushed only to whom chose it: olga kept the defaults (no runFinished),
        // sam chose it but did not start the run. Nothing more may come within two seconds.
        assertThat(pushService.awaitFor("sam", Duration.ofSeconds(2), others)).isNull();
        others.addAll(pushService.drained());
        assertThat(others).as("messages to anyone else").isEmpty();
    }

    @Test
    void aSubscriptionThePushServiceCallsGoneIsRemoved() throws Exception {
        PushSubscriberKeys phone = new PushSubscriberKeys();
        assertThat(olga.post("/api/push/subscriptions", subscribeBody(pushService.endpoint("olga"), phone))
                        .statusCode())
                .isEqualTo(201);
        assertThat(olga.send("PUT", "/api/push/preferences", "{\"runFinished\":true,\"approvalNeeded\":false}")
                        .body())
                .isEqualTo("{\"approvalNeeded\":false,\"question\":true,\"runFinished\":true,\"runFailed\":true}");
        pushService.answerWith(410);

        startRun("hello");
        LoopbackPushService.Received message = pushService.awaitFor("olga", Duration.ofSeconds(60), new ArrayList<>());
        assertThat(json(phone.decrypt(message.body())).get("topic").asText()).isEqualTo("runFinished");
        Instant deadline = Instant.now().plusSeconds(10);
        while (!json(olga.get("/api/push/subscriptions")).get("items").isEmpty()
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(json(olga.get("/api/push/subscriptions")).get("items")).isEmpty();
    }

    @Test
    void hostileSubscriptionsAreRefusedAndDevicesAreEachUsersOwn() throws Exception {
        PushSubscriberKeys keys = new PushSubscriberKeys();
        for (String endpoint : List.of(
                "http://fcm.googleapis.com/fcm/send/x",
                "https://169.254.169.254/latest/meta-data",
                "https://intranet.example.org/admin",
                "https://user:pw@fcm.googleapis.com/fcm/send/x",
                "http://10.0.0.1/push",
                "javascript:alert(1)")) {
            var refused = olga.post("/api/push/subscriptions", subscribeBody(endpoint, keys));
            assertThat(refused.statusCode()).as(endpoint).isEqualTo(400);
            assertThat(json(refused).at("/error/field").asText()).isEqualTo("endpoint");
        }
        var badKey = olga.post(
                "/api/push/subscriptions",
                "{\"endpoint\":\"" + pushService.endpoint("x") + "\",\"keys\":{\"p256dh\":\"AAAA\",\"auth\":\""
                        + keys.auth() + "\"}}");
        assertThat(badKey.statusCode()).isEqualTo(400);
        assertThat(json(badKey).at("/error/field").asText()).isEqualTo("keys.p256dh");
        assertThat(olga.send("PUT", "/api/push/preferences", "{\"everything\":true}")
                        .statusCode())
                .isEqualTo(400);

        String id = json(olga.post("/api/push/subscriptions", subscribeBody(pushService.endpoint("olga"), keys)))
                .get("id")
                .asText();
        var again = olga.post("/api/push/subscriptions", subscribeBody(pushService.endpoint("olga"), keys));
        assertThat(again.statusCode()).as("the same browser again renews it").isEqualTo(200);
        assertThat(json(again).get("id").asText()).isEqualTo(id);
        assertThat(sam.send("DELETE", "/api/push/subscriptions/" + id, null).statusCode())
                .isEqualTo(404);
        assertThat(json(sam.get("/api/push/subscriptions")).get("items")).isEmpty();
        assertThat(json(olga.get("/api/push/subscriptions")).get("items")).hasSize(1);
        assertThat(olga.send("DELETE", "/api/push/subscriptions/" + id, null).statusCode())
                .isEqualTo(204);
        assertThat(json(olga.get("/api/push/subscriptions")).get("items")).isEmpty();
    }
}
