package dev.ccui.adapters.process.workspace.git;

import dev.ccui.domain.error.ConflictException;
import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.error.NotFoundException;
import dev.ccui.domain.error.UnavailableException;
import java.util.List;
import java.util.regex.Pattern;

/** git's complaints as the application's exceptions with stable codes; its own first line when nothing better fits. */
final class GitFailures {
    /** {@code https://user:token@host}: what a URL carries before its host never reaches a message or a log. */
    private static final Pattern URL_CREDENTIALS = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)[^/@\\s]*@");

    private GitFailures() {}

    /** A local command's failure. */
    static RuntimeException of(GitRunner.Result result) {
        String err = result.stderr();
        if (err.contains("not a git repository")) {
            return new ConflictException("NOT_A_REPOSITORY", "this project is not a git repository");
        }
        if (err.contains("dubious ownership")) {
            return new ConflictException(
                    "REPOSITORY_NOT_TRUSTED",
                    "git refuses this repository: it belongs to another system user (safe.directory)");
        }
        if (err.contains("would be overwritten") || err.contains("Your local changes")) {
            return new ConflictException(
                    "CHECKOUT_CONFLICT", "local changes would be overwritten: commit or discard them first");
        }
        if (err.contains("unmerged files")
                || err.contains("needs merge")
                || err.contains("you need to resolve")
                || err.contains("is unmerged")) {
            return new ConflictException("MERGE_CONFLICT", "resolve the merge conflicts first");
        }
        if (err.contains("not fully merged")) {
            return new ConflictException(
                    "BRANCH_NOT_MERGED", "the branch has commits no other branch has: delete it with force");
        }
        if (err.contains("Cannot delete branch") || err.contains("checked out at")) {
            return new ConflictException(
                    "BRANCH_CHECKED_OUT", "the branch is checked out: switch to another one first");
        }
        if (err.contains("invalid reference")
                || err.contains("did not match any")
                || err.contains("No branch named")
                || (err.contains("branch '") && err.contains("' not found"))) {
            return new NotFoundException("UNKNOWN_BRANCH", "no such branch");
        }
        if (err.contains("already exists")) {
            return new ConflictException("BRANCH_EXISTS", "a branch of that name already exists");
        }
        if (err.contains("not a valid object name") || err.contains("does not have any commits yet")) {
            return new ConflictException("NO_COMMITS", "the repository has no commits yet");
        }
        if (err.contains("index.lock")) {
            return new ConflictException("REPOSITORY_LOCKED", "another git process is running in this repository");
        }
        if (err.contains("is not a valid branch name")) {
            return new InvalidException("name", "not a valid branch name");
        }
        return new ConflictException("GIT_FAILED", firstLine(result));
    }

    /** The failure of a command that talked to a remote: what the remote refused, else what {@link #of} says. */
    static RuntimeException ofRemote(GitRunner.Result result) {
        String err = result.stderr();
        if (err.contains("could not read Username")
                || err.contains("could not read Password")
                || err.contains("terminal prompts disabled")
                || err.contains("Authentication failed")
                || err.contains("Permission denied (publickey")
                || err.contains("HTTP Basic: Access denied")) {
            return new ConflictException(
                    "REMOTE_AUTH_REQUIRED",
                    "the remote asks for credentials the server's git configuration "
                            + "does not have (a credential helper or an SSH key of the app's user): nothing was sent or received");
        }
        if (err.contains("Host key verification failed")) {
            return new ConflictException(
                    "REMOTE_HOST_UNKNOWN", "the remote's SSH host key is not among the known hosts of the app's user");
        }
        if (err.contains("[rejected]")
                || err.contains("[remote rejected]")
                || err.contains("non-fast-forward")
                || err.contains("fetch first")) {
            return new ConflictException("PUSH_REJECTED", "the remote has commits this branch does not: pull first");
        }
        if (err.contains("Not possible to fast-forward") || err.contains("Diverging branches")) {
            return new ConflictException(
                    "PULL_NOT_FAST_FORWARD",
                    "this branch and its upstream have diverged: pull with rebase instead; nothing was changed");
        }
        if (err.contains("There is no tracking information")) {
            return new ConflictException("NO_UPSTREAM", "this branch tracks no remote branch: push it first");
        }
        if (err.contains("cannot pull with rebase") || err.contains("cannot rebase")) {
            return new ConflictException("UNCOMMITTED_CHANGES", "commit, stash or discard the local changes first");
        }
        if (err.contains("Could not resolve host")
                || err.contains("Connection refused")
                || err.contains("Connection timed out")
                || err.contains("Could not read from remote repository")
                || err.contains("unable to access")
                || err.contains("Operation too slow")) {
            return new UnavailableException(
                    "REMOTE_UNREACHABLE", "the remote cannot be reached: " + firstLine(result), null);
        }
        return of(result);
    }

    /** git's own complaint: its first {@code fatal:} or {@code error:} line, else (quiet git says only that) its first line. */
    private static String firstLine(GitRunner.Result result) {
        List<String> lines =
                result.stderr().lines().filter(line -> !line.isBlank()).toList();
        String first = lines.stream()
                .filter(line -> line.startsWith("fatal: ") || line.startsWith("error: "))
                .findFirst()
                .or(() -> lines.stream().findFirst())
                .orElse("git failed (exit " + result.exitCode() + ")")
                .replaceFirst("^(fatal|error): ", "");
        first = redact(first);
        return first.length() > 300 ? first.substring(0, 300) : first;
    }

    static String redact(String text) {
        return URL_CREDENTIALS.matcher(text).replaceAll("$1");
    }
}
