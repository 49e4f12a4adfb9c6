package dev.ccui.adapters.process.workspace.git;

import dev.ccui.application.workspace.git.port.out.GitAuthor;
import dev.ccui.domain.error.ConflictException;
import dev.ccui.domain.error.NotFoundException;
import dev.ccui.domain.workspace.git.GitStash;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code git stash}: list, save, apply (or pop) and drop, an entry named by its place in the list. */
final class GitCliStashes {
    private static final int MAX_OUTPUT = 1024 * 1024;
    /**
     * {@code stash push -u} clears the untracked files it saved with a pathspec of its own ({@code :/}),
     * which literal pathspecs turn into a file name: they would stay behind. No user path is passed here.
     */
    private static final Map<String, String> MAGIC_PATHSPECS = Map.of("GIT_LITERAL_PATHSPECS", "0");

    private final GitRunner runner;

    GitCliStashes(GitRunner runner) {
        this.runner = runner;
    }

    List<GitStash> list(Path root) {
        GitRunner.Result result = runner.run(
                root, List.of("stash", "list", "-z", "--format=%H%x00%gs%x00%cI"), null, MAX_OUTPUT, Map.of());
        if (!result.ok()) {
            throw GitFailures.of(result);
        }
        String[] fields = result.out().split("\0", -1);
        List<GitStash> stashes = new ArrayList<>();
        for (int i = 0; i + 2 < fields.length; i += 3) {
            stashes.add(new GitStash(
                    stashes.size(),
                    fields[i].strip(),
                    fields[i + 1],
                    OffsetDateTime.parse(fields[i + 2]).toInstant()));
        }
        return stashes;
    }

    void save(Path root, String message, boolean includeUntracked, GitAuthor author) {
        List<String> args = new ArrayList<>(List.of("stash", "push"));
        if (includeUntracked) {
            args.add("--include-untracked");
        }
        if (message != null) {
            args.addAll(List.of("-m", message));
        }
        Map<String, String> env = new HashMap<>(GitCliClient.identity(author));
        env.putAll(MAGIC_PATHSPECS);
        GitRunner.Result result = runner.run(root, args, null, MAX_OUTPUT, env);
        if (!result.ok()) {
            throw GitFailures.of(result);
        }
        // git answers "nothing to save" with success.
        if (result.out().contains("No local changes to save")) {
            throw new ConflictException("NOTHING_TO_STASH", "there are no local changes to stash");
        }
    }

    void apply(Path root, int index, boolean pop) {
        GitRunner.Result result = runner.run(
                root,
                List.of("stash", pop ? "pop" : "apply", "--quiet", ref(root, index)),
                null,
                MAX_OUTPUT,
                MAGIC_PATHSPECS);
        if (!result.ok()) {
            if ((result.out() + result.stderr()).contains("CONFLICT")) {
                throw new ConflictException(
                        "STASH_CONFLICT",
                        "the stash conflicts with the working tree: it was applied with "
                                + "conflict markers to resolve, and kept in the list");
            }
            throw GitFailures.of(result);
        }
    }

    void drop(Path root, int index) {
        GitRunner.Result result =
                runner.run(root, List.of("stash", "drop", "--quiet", ref(root, index)), null, MAX_OUTPUT, Map.of());
        if (!result.ok()) {
            throw GitFailures.of(result);
        }
    }

    /** {@code stash@{n}} once the list is known to hold it: git's own message for a missing entry varies by version. */
    private String ref(Path root, int index) {
        if (index >= list(root).size()) {
            throw new NotFoundException("UNKNOWN_STASH", "no such stash");
        }
        return "stash@{" + index + "}";
    }
}
