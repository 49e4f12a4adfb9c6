package dev.ccui.bootstrap.memory;

import static dev.ccui.bootstrap.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccui.bootstrap.testing.ApiClient;
import dev.ccui.bootstrap.testing.TestApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each account's own CLAUDE.md over HTTP: in its CLI configuration folder, never the server's home. */
class MemoryHttpIT {
    @TempDir
    Path folder;

    private TestApplication app;
    private ApiClient admin;
    private ApiClient olga;

    @BeforeEach
    void start() {
        app = TestApplication.sqlite(folder);
        admin = ApiClient.setUpAdmin(app.startHttp());
        olga = admin.createMember("olga");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void eachAccountHasItsOwnMemoryFileInItsCliConfiguration() throws Exception {
        JsonNode empty = json(olga.get("/api/memory/user"));
        assertThat(empty.get("exists").asBoolean()).isFalse();
        assertThat(empty.get("content").asText()).isEmpty();

        var saved = olga.send(
                "PUT",
                "/api/memory/user",
                "{\"content\":\"# Olga\\nAlways answer in French.\\n\",\"baseSha\":\""
                        + empty.get("sha").asText() + "\"}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        Path file = folder.resolve("data/cli-config").resolve(olga.userId()).resolve("CLAUDE.md");
        assertThat(file).hasContent("# Olga\nAlways answer in French.\n");
        JsonNode read = json(olga.get("/api/memory/user"));
        assertThat(read.get("content").asText()).startsWith("# Olga");
        assertThat(read.get("sha").asText()).isEqualTo(json(saved).get("sha").asText());

        // The admin has a file of their own; nobody reaches another's.
        assertThat(json(admin.get("/api/memory/user")).get("exists").asBoolean())
                .isFalse();
        var stale = olga.send(
                "PUT",
                "/api/memory/user",
                "{\"content\":\"x\",\"baseSha\":\"" + empty.get("sha").asText() + "\"}");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(json(stale).at("/error/code").asText()).isEqualTo("FILE_CHANGED");
        assertThat(new ApiClient(admin.base(), null).get("/api/memory/user").statusCode())
                .isEqualTo(401);
        assertThat(olga.send("PUT", "/api/memory/user", "{}").statusCode()).isEqualTo(400);

        // Never the server's own home (the tests give it one of its own).
        try (Stream<Path> home = Files.walk(folder.resolve("home"))) {
            assertThat(home.map(p -> p.getFileName().toString())).doesNotContain("CLAUDE.md");
        }
        JsonNode audit = json(admin.get("/api/audit?limit=20"));
        assertThat(audit.findValuesAsText("action")).contains("memory.user_written");
    }

    @Test
    void aLinkPlantedInTheFilesPlaceIsRefused() throws Exception {
        Path secret = Files.writeString(folder.resolve("secret.txt"), "secret");
        olga.get("/api/memory/user");
        Path own = folder.resolve("data/cli-config").resolve(olga.userId());
        Files.createSymbolicLink(own.resolve("CLAUDE.md"), secret);
        var read = olga.get("/api/memory/user");
        assertThat(read.statusCode()).isEqualTo(409);
        assertThat(read.body()).doesNotContain("secret\"");
        assertThat(olga.send("PUT", "/api/memory/user", "{\"content\":\"pwned\"}")
                        .statusCode())
                .isEqualTo(409);
        assertThat(secret).hasContent("secret");
    }
}
