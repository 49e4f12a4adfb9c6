package dev.ccui.adapters.process.workspace.git;

import dev.ccui.application.project.worktree.port.out.GitWorktrees;
import dev.ccui.domain.project.worktree.GitWorktree;
import dev.ccui.domain.project.worktree.WorktreeState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code git worktree} for worktree projects. Adding writes the new folder beside the project, so
 * that one folder (created and confined by the use case) is shown to the sandbox as well; everything
 * else runs like any local git of the project.
 */
public final class GitCliWorktrees implements GitWorktrees {
    private static final int MAX_OUTPUT = 1024 * 1024;

    private final GitRunner runner;

    public GitCliWorktrees(GitRunner runner) {
        this.runner = runner;
    }

    @Override
    public List<GitWorktree> list(Path repository) {
        GitRunner.Result result =
                runner.run(repository, List.of("worktree", "list", "--porcelain", "-z"), null, MAX_OUTPUT, Map.of());
        if (!result.ok()) {
            throw GitFailures.of(result);
        }
        return parse(result.out());
    }

    /** Records separated by an empty field; each field is {@code key value} or a bare flag. */
    static List<GitWorktree> parse(String porcelain) {
        List<GitWorktree> trees = new ArrayList<>();
        String path = null;
        String head = null;
        String branch = null;
        boolean locked = false;
        boolean prunable = false;
        for (String field : (porcelain + "\0").split("\0", -1)) {
            if (field.isEmpty()) {
                if (path != null) {
                    trees.add(new GitWorktree(path, head, branch, trees.isEmpty(), locked, prunable));
                }
                path = null;
                head = null;
                branch = null;
                locked = false;
                prunable = false;
                continue;
            }
            int space = field.indexOf(' ');
            String key = space < 0 ? field : field.substring(0, space);
            String value = space < 0 ? "" : field.substring(space + 1);
            switch (key) {
                case "worktree" -> path = value;
                case "HEAD" -> head = value.matches("0+") ? null : value;
                case "branch" -> branch = value.startsWith("refs/heads/") ? value.substring(11) : value;
                case "locked" -> locked = true;
                case "prunable" -> prunable = true;
                default -> {
                    // bare, detached: nothing more to show.
                }
            }
        }
        return trees;
    }

    @Override
    public void add(Path repository, Path target, String branch, boolean newBranch, String startPoint) {
        List<String> args = new ArrayList<>(List.of("worktree", "add", "--quiet"));
        if (newBranch) {
            args.addAll(List.of("-b", branch, "--", target.toString()));
            if (startPoint != null) {
                args.add(startPoint);
            }
        } else {
            args.addAll(List.of("--", target.toString(), branch));
        }
        GitRunner.Result result = runner.runWriting(repository, args, MAX_OUTPUT, List.of(target));
        if (!result.ok()) {
            throw GitFailures.of(result);
        }
    }

    @Override
    public WorktreeState state(Path worktree) {
        GitRunner.Result status = runner.run(
                worktree,
                List.of("status", "--porcelain=v1", "--untracked-files=normal", "--ignore-submodules=none"),
                null,
                MAX_OUTPUT,
                Map.of());
        if (!status.ok()) {
            throw GitFailures.of(status);
        }
        GitRunner.Result branch =
                runner.run(worktree, List.of("symbolic-ref", "--quiet", "--short", "HEAD"), null, 4096, Map.of());
        // Commits of HEAD that no remote-tracking branch holds: what only this machine has.
        GitRunner.Result unpushed = runner.run(
                worktree, List.of("rev-list", "--count", "HEAD", "--not", "--remotes"), null, 4096, Map.of());
        int count = unpushed.ok() ? Integer.parseInt(unpushed.out().strip()) : 0;
        return new WorktreeState(
                branch.ok() ? branch.out().strip() : null, !status.out().isBlank(), count);
    }

    @Override
    public void prune(Path repository) {
        GitRunner.Result result = runner.run(repository, List.of("worktree", "prune"), null, MAX_OUTPUT, Map.of());
        if (!result.ok()) {
            throw GitFailures.of(result);
        }
    }
}
