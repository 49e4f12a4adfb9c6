package dev.ccui.bootstrap.run;

import static dev.ccui.adapters.process.workspace.git.GitFixture.commit;
import static dev.ccui.adapters.process.workspace.git.GitFixture.git;
import static dev.ccui.bootstrap.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.adapters.process.workspace.git.GitFixture;
import dev.ccui.bootstrap.testing.ApiClient;
import dev.ccui.bootstrap.testing.JsonSocketClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs and shells in a worktree project, with everything real (bubblewrap, the PTY, git, the claude
 * CLI against the fake Messages API): a linked worktree keeps its index, refs and objects in its
 * parent's .git folder, which its sandbox gets from the project rows, never from the worktree's own
 * .git file. A member who rewrites that file to point at another member's repository reaches
 * nothing of it.
 */
class WorktreeProcessesIT extends LiveRunTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    /** A repository at {@code folder} with one commit, registered by {@code owner}, and a worktree project of it. */
    private record Repository(Path folder, String projectId, Path worktree, String worktreeId) {}

    private Repository repository(ApiClient owner, Path folder, String projectId) throws Exception {
        GitFixture.repository(folder);
        commit(folder, "a.txt", "one\n", "the-parent-commit");
        if (projectId == null) {
            projectId = owner.addProject(folder);
        }
        var tree =
                owner.post("/api/projects/" + projectId + "/worktrees", "{\"branch\":\"feature\",\"newBranch\":true}");
        assertThat(tree.statusCode()).as(tree.body()).isEqualTo(201);
        return new Repository(
                folder,
                projectId,
                Path.of(json(tree).get("path").asText()),
                json(tree).get("id").asText());
    }

    private static JsonSocketClient shell(ApiClient as, String projectId) throws Exception {
        JsonSocketClient shell = JsonSocketClient.withTicket(as, "/ws/terminal?projectId=" + projectId)
                .waitingUpTo(WAIT);
        shell.openTerminal(200, 50);
        return shell;
    }

    @Test
    void aShellInAWorktreeProjectCommitsAndTheParentSeesTheCommit() throws Exception {
        Repository repo = repository(live.admin(), live.cwd(), live.projectId());
        JsonSocketClient shell = shell(live.admin(), repo.worktreeId());
        // The words are put together when the script runs, so the echo of the typed line cannot pass for a result.
        shell.input("R=OK; git -c color.ui=never status --short --branch && echo new > b.txt && git add b.txt"
                + " && git -c user.name=shell -c user.email=shell@example.org commit -q -m from-the-worktree-shell"
                + " && echo COMMITTED-$R || echo FAILED-$R\n");
        shell.awaitOutput(Pattern.compile("(COMMITTED|FAILED)-OK"));
        assertThat(shell.output()).contains("## feature", "COMMITTED-OK").doesNotContain("not a git repository");
        assertThat(git(repo.folder(), "log", "--format=%s", "-1", "feature")).isEqualTo("from-the-worktree-shell");
        assertThat(git(repo.folder(), "status", "--short")).isEmpty();
    }

    @Test
    void theClisBashToolRunsGitInAWorktreeProject() throws Exception {
        Repository repo = repository(live.admin(), live.cwd(), live.projectId());
        String head = git(repo.folder(), "rev-parse", "--short", "HEAD");
        String events = BypassRun.of(live.admin(), repo.worktreeId(), "BASH git log --oneline -1")
                .text();
        assertThat(events)
                .contains("Tool finished (is_error=false)", head + " the-parent-commit")
                .doesNotContain("not a git repository");
    }

    @Test
    void aRewrittenGitFileReachesNoOtherRepositoryAndOnlyWhoMayUseTheParentMayUseTheWorktree() throws Exception {
        ApiClient mallory = live.admin().createMember("mallory", "terminal", "bypassPermissions");
        ApiClient bob = live.admin().createMember("bob", "terminal", "bypassPermissions");
        Path work = live.cwd().getParent();
        Repository bobs = repository(bob, work.resolve("bob"), null);
        commit(bobs.folder(), "plans.txt", "BOB-PRIVATE-PLANS\n", "BOB-PRIVATE-COMMIT");
        Repository mine = repository(mallory, work.resolve("mallory"), null);

        // Her worktree's .git file now names bob's repository (through the shell, as she could at any terminal).
        Path gitFile = mine.worktree().resolve(".git");
        assertThat(Files.isRegularFile(gitFile)).isTrue();
        JsonSocketClient rewrite = shell(mallory, mine.worktreeId());
        rewrite.input("R=OK; echo 'gitdir: " + bobs.folder().resolve(".git") + "' > .git && echo REWRITTEN-$R\n");
        rewrite.awaitOutput(Pattern.compile("REWRITTEN-OK"));
        assertThat(gitFile).content().contains(bobs.folder().toString());

        String probe = "R=OK; D=DENIED; git log --oneline -1 2>&1; git -C " + bobs.folder() + " log --oneline -1 2>&1;"
                + " if cat " + bobs.folder().resolve("plans.txt") + " >/dev/null 2>&1; then echo BOB-FILE-$R;"
                + " else echo BOB-FILE-$D; fi;"
                + " if ls " + bobs.folder().resolve(".git/objects") + " >/dev/null 2>&1; then echo BOB-GIT-$R;"
                + " else echo BOB-GIT-$D; fi;"
                + " if test -f " + mine.folder().resolve(".git/HEAD") + "; then echo OWN-PARENT-GIT-$R;"
                + " else echo OWN-PARENT-GIT-$D; fi; echo PROBE-$R-DONE";
        JsonSocketClient shell = shell(mallory, mine.worktreeId());
        shell.input(probe + "\n");
        shell.awaitOutput(Pattern.compile("PROBE-OK-DONE"));
        assertThat(shell.output())
                .contains("BOB-FILE-DENIED", "BOB-GIT-DENIED", "OWN-PARENT-GIT-OK")
                .doesNotContain("BOB-PRIVATE", "BOB-FILE-OK", "BOB-GIT-OK");
        String events =
                BypassRun.of(mallory, mine.worktreeId(), "BASH " + probe).text();
        assertThat(events)
                .contains("BOB-FILE-DENIED", "BOB-GIT-DENIED", "OWN-PARENT-GIT-OK", "PROBE-OK-DONE")
                .doesNotContain("BOB-PRIVATE", "BOB-FILE-OK", "BOB-GIT-OK");
        var status = mallory.get("/api/projects/" + mine.worktreeId() + "/git/status");
        assertThat(status.statusCode()).as(status.body()).isBetween(400, 499);
        assertThat(status.body()).doesNotContain("BOB-PRIVATE", "plans.txt");

        // Shared the worktree alone, bob still may not use it: its processes would write mallory's repository.
        var shared = mallory.post(
                "/api/projects/" + mine.worktreeId() + "/members", "{\"userId\":\"" + bob.userId() + "\"}");
        assertThat(shared.statusCode()).as(shared.body()).isIn(200, 201, 204);
        assertThat(JsonSocketClient.handshakeStatus(
                        () -> JsonSocketClient.withTicket(bob, "/ws/terminal?projectId=" + mine.worktreeId())))
                .isEqualTo(403);
        var refused = bob.post(
                "/api/runs",
                ApiClient.JSON.writeValueAsString(Map.of(
                        "projectId",
                        mine.worktreeId(),
                        "prompt",
                        "hi",
                        "clientMessageId",
                        UUID.randomUUID().toString())));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(bob.get("/api/projects/" + mine.worktreeId() + "/git/status").statusCode())
                .isEqualTo(403);
    }
}
