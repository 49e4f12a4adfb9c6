package dev.ccui.application.testing;

import dev.ccui.application.workspace.git.port.out.GitAuthor;
import dev.ccui.application.workspace.git.port.out.GitClient;
import dev.ccui.application.workspace.git.port.out.RemoteWatch;
import dev.ccui.domain.workspace.RelativePath;
import dev.ccui.domain.workspace.git.GitBranch;
import dev.ccui.domain.workspace.git.GitCommit;
import dev.ccui.domain.workspace.git.GitDiff;
import dev.ccui.domain.workspace.git.GitPush;
import dev.ccui.domain.workspace.git.GitStash;
import dev.ccui.domain.workspace.git.GitStatus;
import dev.ccui.domain.workspace.git.HunkRange;
import dev.ccui.domain.workspace.git.PullMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A repository that answers with empty views and writes down every call that reached it, as
 * {@code "<root> <action> <arguments>"}, so a test sees what would have run and what never did.
 */
public final class RecordingGitClient implements GitClient {
    private final List<String> calls = new ArrayList<>();
    private int commits;

    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    private synchronized void called(Path root, String what) {
        calls.add(root + " " + what);
    }

    @Override
    public GitStatus status(Path root) {
        called(root, "status");
        return new GitStatus("main", null, null, 0, 0, List.of());
    }

    @Override
    public GitDiff diff(Path root, boolean staged, RelativePath file, int maxBytes) {
        called(root, "diff " + (staged ? "staged " : "") + (file == null ? "(all)" : file) + " max " + maxBytes);
        return new GitDiff("", false);
    }

    @Override
    public List<GitCommit> log(Path root, int skip, int limit) {
        called(root, "log skip " + skip + " limit " + limit);
        return List.of();
    }

    @Override
    public List<GitBranch> branches(Path root) {
        called(root, "branches");
        return List.of();
    }

    @Override
    public void stage(Path root, List<RelativePath> paths) {
        called(
                root,
                "stage "
                        + paths.stream()
                                .map(p -> p.isRoot() ? "." : p.toString())
                                .toList());
    }

    @Override
    public void unstage(Path root, List<RelativePath> paths) {
        called(
                root,
                "unstage "
                        + paths.stream()
                                .map(p -> p.isRoot() ? "." : p.toString())
                                .toList());
    }

    @Override
    public synchronized String commit(Path root, String message, GitAuthor author) {
        called(root, "commit '" + message + "' by " + author.name() + " <" + author.email() + ">");
        return "%040d".formatted(++commits);
    }

    @Override
    public void checkout(Path root, String branch) {
        called(root, "checkout " + branch);
    }

    @Override
    public void createBranch(Path root, String name, boolean checkout) {
        called(root, "branch " + name + (checkout ? " and checkout" : ""));
    }

    @Override
    public void discard(Path root, List<RelativePath> paths) {
        called(
                root,
                "discard "
                        + paths.stream()
                                .map(p -> p.isRoot() ? "." : p.toString())
                                .toList());
    }

    @Override
    public void discardHunk(Path root, RelativePath file, HunkRange hunk) {
        called(
                root,
                "discard hunk " + file + " " + hunk.oldStart() + "," + hunk.oldLines() + " " + hunk.newStart() + ","
                        + hunk.newLines());
    }

    @Override
    public void deleteBranch(Path root, String name, boolean force) {
        called(root, "delete branch " + name + (force ? " forced" : ""));
    }

    @Override
    public void renameBranch(Path root, String from, String to) {
        called(root, "rename branch " + from + " to " + to);
    }

    @Override
    public List<GitStash> stashes(Path root) {
        called(root, "stashes");
        return List.of();
    }

    @Override
    public void stash(Path root, String message, boolean includeUntracked, GitAuthor author) {
        called(root, "stash '" + message + "'" + (includeUntracked ? " with untracked" : "") + " by " + author.name());
    }

    @Override
    public void applyStash(Path root, int index, boolean pop) {
        called(root, (pop ? "pop" : "apply") + " stash " + index);
    }

    @Override
    public void dropStash(Path root, int index) {
        called(root, "drop stash " + index);
    }

    @Override
    public void fetch(Path root, String remote, RemoteWatch watch) {
        called(root, "fetch " + (remote == null ? "(all)" : remote));
    }

    @Override
    public void pull(Path root, PullMode mode, GitAuthor author, RemoteWatch watch) {
        called(root, "pull " + mode.code() + " by " + author.name());
    }

    @Override
    public GitPush push(Path root, String remote, RemoteWatch watch) {
        called(root, "push " + (remote == null ? "(default)" : remote));
        return new GitPush("main", (remote == null ? "origin" : remote) + "/main", true);
    }
}
