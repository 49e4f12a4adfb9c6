package dev.ccui.adapters.process.workspace.git;

import dev.ccui.application.workspace.git.port.out.GitAuthor;
import dev.ccui.application.workspace.git.port.out.GitClient;
import dev.ccui.application.workspace.git.port.out.RemoteWatch;
import dev.ccui.domain.error.ConflictException;
import dev.ccui.domain.workspace.RelativePath;
import dev.ccui.domain.workspace.git.GitBranch;
import dev.ccui.domain.workspace.git.GitCommit;
import dev.ccui.domain.workspace.git.GitDiff;
import dev.ccui.domain.workspace.git.GitFileStatus;
import dev.ccui.domain.workspace.git.GitPush;
import dev.ccui.domain.workspace.git.GitStash;
import dev.ccui.domain.workspace.git.GitStatus;
import dev.ccui.domain.workspace.git.HunkRange;
import dev.ccui.domain.workspace.git.PullMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@link GitClient} over the {@code git} CLI: porcelain v2 and NUL-separated output, parsed here. */
public final class GitCliClient implements GitClient {
    private static final int MAX_STATUS = 8 * 1024 * 1024;
    private static final int MAX_SMALL = 1024 * 1024;

    private final GitRunner runner;
    private final GitCliStashes stashes;
    private final GitCliRemotes remotes;
    private final GitCliHunks hunks;

    public GitCliClient(GitRunner runner) {
        this.runner = runner;
        this.stashes = new GitCliStashes(runner);
        this.remotes = new GitCliRemotes(runner);
        this.hunks = new GitCliHunks(runner);
    }

    @Override
    public GitStatus status(Path root) {
        GitRunner.Result result = git(
                root,
                List.of("status", "--porcelain=v2", "-z", "--branch", "--untracked-files=normal"),
                null,
                MAX_STATUS,
                Map.of());
        return parseStatus(result.out());
    }

    static GitStatus parseStatus(String output) {
        String branch = null;
        String head = null;
        String upstream = null;
        int ahead = 0;
        int behind = 0;
        List<GitFileStatus> files = new ArrayList<>();
        String[] records = output.split("\0", -1);
        for (int i = 0; i < records.length; i++) {
            String record = records[i];
            if (record.isEmpty()) {
                continue;
            }
            if (record.startsWith("# branch.oid ")) {
                String oid = record.substring(13);
                head = oid.equals("(initial)") ? null : oid;
            } else if (record.startsWith("# branch.head ")) {
                String name = record.substring(14);
                branch = name.equals("(detached)") ? null : name;
            } else if (record.startsWith("# branch.upstream ")) {
                upstream = record.substring(18);
            } else if (record.startsWith("# branch.ab ")) {
                String[] ab = record.substring(12).split(" ");
                ahead = Integer.parseInt(ab[0].substring(1));
                behind = Integer.parseInt(ab[1].substring(1));
            } else if (record.startsWith("1 ")) {
                String[] f = record.split(" ", 9);
                files.add(new GitFileStatus(f[8], null, f[1].charAt(0), f[1].charAt(1), false));
            } else if (record.startsWith("2 ")) {
                String[] f = record.split(" ", 10);
                String original = i + 1 < records.length ? records[++i] : null;
                files.add(new GitFileStatus(f[9], original, f[1].charAt(0), f[1].charAt(1), false));
            } else if (record.startsWith("u ")) {
                String[] f = record.split(" ", 11);
                files.add(new GitFileStatus(f[10], null, f[1].charAt(0), f[1].charAt(1), true));
            } else if (record.startsWith("? ")) {
                files.add(new GitFileStatus(record.substring(2), null, '?', '?', false));
            }
        }
        return new GitStatus(branch, head, upstream, ahead, behind, files);
    }

    @Override
    public GitDiff diff(Path root, boolean staged, RelativePath file, int maxBytes) {
        List<String> args = new ArrayList<>(List.of("diff", "--no-color", "--no-ext-diff", "--no-textconv"));
        if (staged) {
            args.add("--cached");
        }
        args.add("--");
        if (file != null) {
            args.add(file.toString());
        }
        GitRunner.Result result = git(root, args, null, maxBytes, Map.of());
        return new GitDiff(result.out(), result.truncated());
    }

    @Override
    public List<GitCommit> log(Path root, int skip, int limit) {
        GitRunner.Result result = runner.run(
                root,
                List.of(
                        "log",
                        "--no-color",
                        "-z",
                        "--format=%H%x00%an%x00%ae%x00%aI%x00%s",
                        "--skip=" + skip,
                        "-n",
                        Integer.toString(limit)),
                null,
                MAX_SMALL * 4,
                Map.of());
        if (!result.ok()) {
            if (result.stderr().contains("does not have any commits yet")) {
                return List.of();
            }
            throw GitFailures.of(result);
        }
        String[] fields = result.out().split("\0", -1);
        List<GitCommit> commits = new ArrayList<>();
        for (int i = 0; i + 4 < fields.length; i += 5) {
            String hash = fields[i].strip();
            commits.add(new GitCommit(
                    hash,
                    fields[i + 1],
                    fields[i + 2],
                    OffsetDateTime.parse(fields[i + 3]).toInstant(),
                    fields[i + 4]));
        }
        return commits;
    }

    @Override
    public List<GitBranch> branches(Path root) {
        GitRunner.Result result = git(
                root,
                List.of(
                        "for-each-ref",
                        "--format=%(refname:short)%00%(objectname)%00%(HEAD)%00%(upstream:short)",
                        "refs/heads/"),
                null,
                MAX_SMALL,
                Map.of());
        List<GitBranch> branches = new ArrayList<>();
        for (String line : result.out().split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\0", -1);
            branches.add(new GitBranch(f[0], f[1], "*".equals(f[2]), f.length > 3 && !f[3].isEmpty() ? f[3] : null));
        }
        return branches;
    }

    @Override
    public void stage(Path root, List<RelativePath> paths) {
        List<String> args = new ArrayList<>(List.of("add", "-A", "--"));
        paths.forEach(path -> args.add(pathspec(path)));
        git(root, args, null, MAX_SMALL, Map.of());
    }

    @Override
    public void unstage(Path root, List<RelativePath> paths) {
        List<String> args = new ArrayList<>(List.of("reset", "-q", "--"));
        paths.forEach(path -> args.add(pathspec(path)));
        git(root, args, null, MAX_SMALL, Map.of());
    }

    @Override
    public String commit(Path root, String message, GitAuthor author) {
        GitRunner.Result result = runner.run(
                root,
                List.of("commit", "-q", "--no-verify", "-F", "-"),
                message.getBytes(StandardCharsets.UTF_8),
                MAX_SMALL,
                identity(author));
        if (!result.ok()) {
            String said = result.out() + result.stderr();
            if (said.contains("nothing to commit")
                    || said.contains("no changes added to commit")
                    || said.contains("nothing added to commit")) {
                throw new ConflictException("NOTHING_TO_COMMIT", "nothing is staged: stage changes first");
            }
            throw GitFailures.of(result);
        }
        return git(root, List.of("rev-parse", "HEAD"), null, 1024, Map.of())
                .out()
                .strip();
    }

    @Override
    public void checkout(Path root, String branch) {
        git(root, List.of("switch", "--", branch), null, MAX_SMALL, Map.of());
    }

    @Override
    public void createBranch(Path root, String name, boolean checkout) {
        List<String> args = checkout ? List.of("switch", "-c", name) : List.of("branch", "--", name);
        git(root, args, null, MAX_SMALL, Map.of());
    }

    /**
     * Tracked paths get their working-tree content back from the index (what is staged stays);
     * untracked files and folders under the paths are deleted. Ignored files are left alone.
     */
    @Override
    public void discard(Path root, List<RelativePath> paths) {
        List<String> specs = paths.stream().map(GitCliClient::pathspec).toList();
        List<String> args = new ArrayList<>(List.of("status", "--porcelain=v2", "-z", "--untracked-files=no", "--"));
        args.addAll(specs);
        List<String> changed = parseStatus(
                        git(root, args, null, MAX_STATUS, Map.of()).out())
                .files()
                .stream()
                .filter(file -> file.worktree() != '.')
                .map(GitFileStatus::path)
                .toList();
        if (!changed.isEmpty()) {
            List<String> restore = new ArrayList<>(List.of("restore", "--worktree", "--"));
            restore.addAll(changed);
            git(root, restore, null, MAX_SMALL, Map.of());
        }
        List<String> clean = new ArrayList<>(List.of("clean", "-f", "-d", "-q", "--"));
        clean.addAll(specs);
        git(root, clean, null, MAX_SMALL, Map.of());
    }

    @Override
    public void discardHunk(Path root, RelativePath file, HunkRange hunk) {
        hunks.discard(root, file, hunk);
    }

    @Override
    public void deleteBranch(Path root, String name, boolean force) {
        git(root, List.of("branch", force ? "-D" : "-d", "--", name), null, MAX_SMALL, Map.of());
    }

    @Override
    public void renameBranch(Path root, String from, String to) {
        git(root, List.of("branch", "-m", "--", from, to), null, MAX_SMALL, Map.of());
    }

    @Override
    public List<GitStash> stashes(Path root) {
        return stashes.list(root);
    }

    @Override
    public void stash(Path root, String message, boolean includeUntracked, GitAuthor author) {
        stashes.save(root, message, includeUntracked, author);
    }

    @Override
    public void applyStash(Path root, int index, boolean pop) {
        stashes.apply(root, index, pop);
    }

    @Override
    public void dropStash(Path root, int index) {
        stashes.drop(root, index);
    }

    @Override
    public void fetch(Path root, String remote, RemoteWatch watch) {
        remotes.fetch(root, remote, watch);
    }

    @Override
    public void pull(Path root, PullMode mode, GitAuthor author, RemoteWatch watch) {
        remotes.pull(root, mode, author, status(root), watch);
    }

    @Override
    public GitPush push(Path root, String remote, RemoteWatch watch) {
        return remotes.push(root, remote, status(root), watch);
    }

    /** Author and committer of what git writes (commits, stashes, rebased commits): never the machine's own identity. */
    static Map<String, String> identity(GitAuthor author) {
        return Map.of(
                "GIT_AUTHOR_NAME",
                author.name(),
                "GIT_AUTHOR_EMAIL",
                author.email(),
                "GIT_COMMITTER_NAME",
                author.name(),
                "GIT_COMMITTER_EMAIL",
                author.email());
    }

    private static String pathspec(RelativePath path) {
        return path.isRoot() ? "." : path.toString();
    }

    private GitRunner.Result git(Path root, List<String> args, byte[] stdin, int maxStdout, Map<String, String> env) {
        GitRunner.Result result = runner.run(root, args, stdin, maxStdout, env);
        if (!result.ok()) {
            throw GitFailures.of(result);
        }
        return result;
    }
}
