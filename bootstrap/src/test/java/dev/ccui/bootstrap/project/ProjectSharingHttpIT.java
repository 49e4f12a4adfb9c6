package dev.ccui.bootstrap.project;

import static dev.ccui.bootstrap.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccui.bootstrap.testing.ApiClient;
import dev.ccui.bootstrap.testing.TestApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sharing as the project menu does it: by username, and everyone with access sees who else has it, by name. */
class ProjectSharingHttpIT {
    @TempDir
    Path root;

    @Test
    void anOwnerSharesByNameAndMembersSeeWhoElseHasAccess() throws Exception {
        Path folder = root.toRealPath();
        Path project = Files.createDirectories(folder.resolve("work/ann"));
        try (var app = TestApplication.sqlite(folder)) {
            String base = app.startHttp();
            ApiClient admin = ApiClient.setUpAdmin(base);
            ApiClient ann = admin.createMember("ann");
            ApiClient bob = admin.createMember("bob");
            ApiClient cy = admin.createMember("cy");
            String id = json(ann.post("/api/projects", "{\"path\":\"" + project + "\"}"))
                    .get("id")
                    .asText();
            String members = "/api/projects/" + id + "/members";

            assertThat(bob.get(members).statusCode()).isIn(403, 404);
            var unknown = ann.post(members, "{\"username\":\"nobody\"}");
            assertThat(unknown.statusCode()).isEqualTo(400);
            assertThat(json(unknown).get("error").get("field").asText()).isEqualTo("username");
            assertThat(ann.post(members, "{\"username\":\"--bob\"}").statusCode())
                    .isEqualTo(400);
            assertThat(ann.post(members, "{\"username\":\"BOB\"}").statusCode()).isEqualTo(204);

            JsonNode seen = json(bob.get(members));
            assertThat(seen.get("owner").get("username").asText()).isEqualTo("ann");
            assertThat(seen.get("members").get(0).get("username").asText()).isEqualTo("bob");
            assertThat(seen.get("canShare").asBoolean()).isFalse();
            assertThat(seen.get("userIds").get(0).asText()).isEqualTo(bob.userId());
            assertThat(json(ann.get(members)).get("canShare").asBoolean()).isTrue();
            assertThat(json(admin.get(members)).get("canShare").asBoolean()).isTrue();

            // A member may not share further nor remove anyone.
            assertThat(bob.post(members, "{\"username\":\"cy\"}").statusCode()).isEqualTo(403);
            assertThat(bob.send("DELETE", members + "/" + bob.userId(), null).statusCode())
                    .isEqualTo(403);
            assertThat(cy.get(members).statusCode()).isIn(403, 404);

            assertThat(ann.send("DELETE", members + "/" + bob.userId(), null).statusCode())
                    .isEqualTo(204);
            assertThat(json(ann.get(members)).get("members")).isEmpty();
            assertThat(bob.get(members).statusCode()).isIn(403, 404);
        }
    }
}
