package dev.ccui.adapters.process.workspace.git;

import dev.ccui.application.workspace.git.port.out.GitAuthor;
import dev.ccui.application.workspace.git.port.out.RemoteWatch;
import dev.ccui.domain.error.ConflictException;
import dev.ccui.domain.error.NotFoundException;
import dev.ccui.domain.workspace.git.GitPush;
import dev.ccui.domain.workspace.git.GitStatus;
import dev.ccui.domain.workspace.git.PullMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fetch, pull and push: the commands that talk to a remote ({@link GitRunner#runRemote}). Only the
 * transfer itself runs with the network; what decides the arguments (which branch, which remote,
 * is a rebase left over) reads the repository locally.
 */
final class GitCliRemotes {
    private static final int MAX_OUTPUT = 1024 * 1024;

    private final GitRunner runner;

    GitCliRemotes(GitRunner runner) {
        this.runner = runner;
    }

    void fetch(Path root, String remote, RemoteWatch watch) {
        List<String> args = new ArrayList<>(List.of("fetch", "--prune", output(watch)));
        if (remote == null) {
            requireRemotes(root);
            args.add("--all");
        } else {
            args.addAll(List.of("--", known(root, remote)));
        }
        remote(root, args, watch);
    }

    /**
     * A pull as two steps: the transfer (a fetch of the upstream, with the network, which a cancel
     * stops), then the local fast-forward or rebase onto it (without the network, quick, never cut
     * in half), so a cancelled pull changed nothing but what the remote-tracking branch knows.
     */
    void pull(Path root, PullMode mode, GitAuthor author, GitStatus status, RemoteWatch watch) {
        String branch = currentBranch(status);
        String tracked = config(root, "branch." + branch + ".remote");
        String merge = config(root, "branch." + branch + ".merge");
        if (status.upstream() == null || tracked == null || merge == null) {
            throw new ConflictException("NO_UPSTREAM", "this branch tracks no remote branch: push it first");
        }
        boolean rebaseBefore = rebaseInProgress(root);
        // As git pull fetches: the upstream branch only, which also moves its remote-tracking branch.
        remote(root, List.of("fetch", output(watch), "--", tracked, merge), watch);
        if (watch.cancellation().cancelled()) {
            throw new ConflictException("REMOTE_CANCELLED", "cancelled: nothing was changed");
        }
        List<String> args = mode == PullMode.REBASE
                ? List.of("rebase", "--quiet", "--no-autostash", "--fork-point", "@{upstream}")
                : List.of("merge", "--quiet", "--no-autostash", "--ff-only", "@{upstream}");
        GitRunner.Result result = runner.run(root, args, null, MAX_OUTPUT, GitCliClient.identity(author));
        if (result.ok()) {
            return;
        }
        if (!rebaseBefore && rebaseInProgress(root)) {
            // The rebase stopped at a conflict: back to the commits and the tree as they were before the pull.
            GitRunner.Result abort = runner.run(root, List.of("rebase", "--abort"), null, MAX_OUTPUT, Map.of());
            if (!abort.ok()) {
                throw GitFailures.of(abort);
            }
            throw new ConflictException(
                    "PULL_CONFLICT",
                    "the remote's commits conflict with the local commits of " + branch
                            + ": the pull was undone, nothing changed; rebase or merge in a terminal to resolve it");
        }
        throw GitFailures.ofRemote(result);
    }

    GitPush push(Path root, String remote, GitStatus status, RemoteWatch watch) {
        String branch = currentBranch(status);
        if (status.head() == null) {
            throw new ConflictException("NO_COMMITS", "the repository has no commits yet");
        }
        String tracked = config(root, "branch." + branch + ".remote");
        String merge = config(root, "branch." + branch + ".merge");
        if (status.upstream() != null
                && tracked != null
                && merge != null
                && (remote == null || remote.equals(tracked))) {
            remote(root, List.of("push", output(watch), "--", tracked, "refs/heads/" + branch + ":" + merge), watch);
            return new GitPush(branch, status.upstream(), false);
        }
        String target = remote == null ? defaultRemote(root) : known(root, remote);
        remote(
                root,
                List.of(
                        "push",
                        output(watch),
                        "--set-upstream",
                        "--",
                        target,
                        "refs/heads/" + branch + ":refs/heads/" + branch),
                watch);
        return new GitPush(branch, target + "/" + branch, true);
    }

    /** Quiet git says only what went wrong; a streamed one reports its progress (and a little more). */
    private static String output(RemoteWatch watch) {
        return watch.isStreamed() ? "--progress" : "--quiet";
    }

    private void remote(Path root, List<String> args, RemoteWatch watch) {
        GitRunner.Result result = runner.runRemote(root, args, Map.of(), watch);
        if (!result.ok()) {
            throw GitFailures.ofRemote(result);
        }
    }

    private static String currentBranch(GitStatus status) {
        if (status.branch() == null) {
            throw new ConflictException(
                    "DETACHED_HEAD", "no branch is checked out (detached HEAD): check one out first");
        }
        return status.branch();
    }

    /** origin, else the one remote there is; with several and none named origin, the caller must say. */
    private String defaultRemote(Path root) {
        List<String> remotes = requireRemotes(root);
        if (remotes.contains("origin")) {
            return "origin";
        }
        if (remotes.size() == 1) {
            return remotes.getFirst();
        }
        throw new ConflictException(
                "REMOTE_REQUIRED", "this repository has several remotes and none is called origin: name one");
    }

    private String known(Path root, String remote) {
        if (!requireRemotes(root).contains(remote)) {
            throw new NotFoundException("UNKNOWN_REMOTE", "no such remote");
        }
        return remote;
    }

    private List<String> requireRemotes(Path root) {
        GitRunner.Result result = runner.run(root, List.of("remote"), null, MAX_OUTPUT, Map.of());
        if (!result.ok()) {
            throw GitFailures.of(result);
        }
        List<String> remotes =
                result.out().lines().filter(line -> !line.isBlank()).toList();
        if (remotes.isEmpty()) {
            throw new ConflictException("NO_REMOTE", "this repository has no remote");
        }
        return remotes;
    }

    private String config(Path root, String key) {
        GitRunner.Result result = runner.run(root, List.of("config", "--get", key), null, MAX_OUTPUT, Map.of());
        String value = result.out().strip();
        return result.ok() && !value.isEmpty() ? value : null;
    }

    private static boolean rebaseInProgress(Path root) {
        Path git = root.resolve(".git");
        return Files.isDirectory(git.resolve("rebase-merge")) || Files.isDirectory(git.resolve("rebase-apply"));
    }
}
