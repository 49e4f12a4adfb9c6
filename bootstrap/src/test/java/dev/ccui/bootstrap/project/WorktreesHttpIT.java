package dev.ccui.bootstrap.project;

import static dev.ccui.adapters.process.workspace.git.GitFixture.commit;
import static dev.ccui.adapters.process.workspace.git.GitFixture.git;
import static dev.ccui.bootstrap.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccui.adapters.process.workspace.git.GitFixture;
import dev.ccui.bootstrap.testing.ApiClient;
import dev.ccui.bootstrap.testing.TestApplication;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Worktrees as projects over HTTP, with real git in the app's sandbox: a worktree's git needs its
 * parent's .git folder, which only the project rows name. Created on a new and on an existing
 * branch, listed, and removed only when nothing would be lost (or with force).
 */
class WorktreesHttpIT {
    @TempDir
    Path folder;

    private TestApplication app;
    private ApiClient admin;
    private ApiClient owner;
    private Path projectDir;
    private String projectId;

    @BeforeEach
    void start() throws Exception {
        projectDir = GitFixture.repository(folder.resolve("work/app"));
        commit(projectDir, "a.txt", "one\n", "first");
        Path remote = GitFixture.bare(folder.resolve("remote.git"));
        git(projectDir, "remote", "add", "origin", remote.toString());
        git(projectDir, "push", "--quiet", "-u", "origin", "main");
        app = TestApplication.sqlite(folder);
        admin = ApiClient.setUpAdmin(app.startHttp());
        owner = admin.createMember("olga");
        var created = owner.post("/api/projects", "{\"path\":\"" + projectDir + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        projectId = json(created).get("id").asText();
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private static String code(HttpResponse<String> response) {
        return json(response).at("/error/code").asText();
    }

    private String worktrees() {
        return "/api/projects/" + projectId + "/worktrees";
    }

    @Test
    void aWorktreeOnANewBranchIsAProjectUnderItsParentAndIsRemovedOnlyWhenNothingIsLost() throws Exception {
        var created = owner.post(worktrees(), "{\"branch\":\"feature/x\",\"newBranch\":true}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode project = json(created);
        Path tree = folder.resolve("work/app-feature-x").toRealPath();
        assertThat(project.get("path").asText()).isEqualTo(tree.toString());
        assertThat(project.get("parentId").asText()).isEqualTo(projectId);
        String treeId = project.get("id").asText();
        assertThat(tree.resolve("a.txt")).hasContent("one");

        // The worktree's own git works in its sandbox (its index and refs are in the parent's .git).
        String git = "/api/projects/" + treeId + "/git";
        assertThat(json(owner.get(git + "/status")).get("branch").asText()).isEqualTo("feature/x");
        JsonNode listed = json(owner.get(worktrees())).get("items");
        assertThat(listed).hasSize(2);
        assertThat(listed.get(0).get("main").asBoolean()).isTrue();
        assertThat(listed.get(0).get("projectId").asText()).isEqualTo(projectId);
        assertThat(listed.get(1).get("branch").asText()).isEqualTo("feature/x");
        assertThat(listed.get(1).get("projectId").asText()).isEqualTo(treeId);
        assertThat(listed.get(1).get("prunable").asBoolean()).isFalse();

        assertThat(owner.post("/api/projects/" + treeId + "/files/content?path=b.txt", "{\"content\":\"b\"}")
                        .statusCode())
                .isEqualTo(201);
        var dirty = owner.send("DELETE", worktrees() + "/" + treeId, null);
        assertThat(dirty.statusCode()).isEqualTo(409);
        assertThat(code(dirty)).isEqualTo("WORKTREE_DIRTY");
        assertThat(owner.post(git + "/stage", "{\"paths\":[\".\"]}").statusCode())
                .isEqualTo(204);
        assertThat(owner.post(git + "/commit", "{\"message\":\"b\"}").statusCode())
                .isEqualTo(201);
        var unpushed = owner.send("DELETE", worktrees() + "/" + treeId, null);
        assertThat(code(unpushed)).isEqualTo("WORKTREE_UNPUSHED");
        assertThat(json(unpushed).at("/error/message").asText()).contains("1 commit(s) of feature/x");
        assertThat(tree.resolve("b.txt")).exists();

        assertThat(owner.send("DELETE", worktrees() + "/" + treeId + "?force=true", null)
                        .statusCode())
                .isEqualTo(204);
        assertThat(tree).doesNotExist();
        assertThat(json(owner.get(worktrees())).get("items")).hasSize(1);
        assertThat(owner.get("/api/projects/" + treeId).statusCode()).isEqualTo(404);
        // The branch and its commit stay in the parent.
        assertThat(json(owner.get("/api/projects/" + projectId + "/git/branches"))
                        .get("items")
                        .findValuesAsText("name"))
                .contains("feature/x");
        assertThat(json(admin.get("/api/audit?limit=50")).findValuesAsText("action"))
                .contains("git.worktree_created", "git.worktree_removed");
    }

    @Test
    void anExistingBranchAndTheRulesOfWhoAndWhat() throws Exception {
        assertThat(owner.post("/api/projects/" + projectId + "/git/branch", "{\"name\":\"other\"}")
                        .statusCode())
                .isEqualTo(201);
        var created = owner.post(worktrees(), "{\"branch\":\"other\",\"name\":\"app-other\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String treeId = json(created).get("id").asText();
        assertThat(json(owner.get("/api/projects/" + treeId + "/git/status"))
                        .get("branch")
                        .asText())
                .isEqualTo("other");
        // Nothing to lose (its commits are on origin/main): removed without force.
        assertThat(owner.send("DELETE", worktrees() + "/" + treeId, null).statusCode())
                .isEqualTo(204);
        assertThat(folder.resolve("work/app-other")).doesNotExist();

        // The branch checked out in the parent cannot be a worktree's as well; nothing is left behind.
        var checkedOut = owner.post(worktrees(), "{\"branch\":\"main\"}");
        assertThat(checkedOut.statusCode()).isEqualTo(409);
        assertThat(folder.resolve("work/app-main")).doesNotExist();
        for (String body : new String[] {
            "{\"branch\":\"-x\",\"newBranch\":true}",
            "{\"branch\":\"a..b\",\"newBranch\":true}",
            "{\"branch\":\"x\",\"newBranch\":true,\"name\":\"../escape\"}",
            "{\"branch\":\"x\",\"newBranch\":true,\"startPoint\":\"--orphan\"}"
        }) {
            assertThat(owner.post(worktrees(), body).statusCode()).as(body).isEqualTo(400);
        }
        var outside = owner.post(worktrees(), "{\"branch\":\"x\",\"newBranch\":true,\"parent\":\"/tmp\"}");
        assertThat(code(outside)).isEqualTo("PROJECT_PATH_REFUSED");

        ApiClient sam = admin.createMember("sam");
        assertThat(sam.get(worktrees()).statusCode()).isEqualTo(403);
        assertThat(sam.post(worktrees(), "{\"branch\":\"s\",\"newBranch\":true}")
                        .statusCode())
                .isEqualTo(403);
    }
}
