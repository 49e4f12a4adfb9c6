package dev.ccui.adapters.process.workspace.git;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * git as a person at another machine would run it, to set the stage of a test: a bare repository
 * as the remote, a colleague's clone that pushes, commits in a folder. Not through the adapter
 * under test, and without this machine's own git configuration.
 */
public final class GitFixture {
    private GitFixture() {}

    public static String git(Path dir, String... args) {
        List<String> command =
                new ArrayList<>(List.of("git", "-c", "init.defaultBranch=main", "-c", "core.hooksPath=/dev/null"));
        command.addAll(List.of(args));
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("GIT_"));
        env.putAll(Map.of(
                "GIT_CONFIG_GLOBAL",
                "/dev/null",
                "GIT_CONFIG_NOSYSTEM",
                "1",
                "GIT_AUTHOR_NAME",
                "colleague",
                "GIT_AUTHOR_EMAIL",
                "colleague@example.org",
                "GIT_COMMITTER_NAME",
                "colleague",
                "GIT_COMMITTER_EMAIL",
                "colleague@example.org",
                "GIT_TERMINAL_PROMPT",
                "0"));
        try {
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor())
                    .as("git " + String.join(" ", args) + ": " + out)
                    .isZero();
            return out.strip();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A bare repository: the remote. */
    public static Path bare(Path dir) {
        git(dir.getParent(), "init", "-q", "--bare", dir.getFileName().toString());
        return dir;
    }

    public static Path repository(Path dir) throws IOException {
        Files.createDirectories(dir);
        git(dir, "init", "-q");
        return dir;
    }

    /** Writes the file and commits it; returns the new commit. */
    public static String commit(Path repo, String file, String content, String message) throws IOException {
        Files.writeString(repo.resolve(file), content);
        git(repo, "add", "--", file);
        git(repo, "commit", "-q", "-m", message);
        return git(repo, "rev-parse", "HEAD");
    }

    /**
     * Commits {@code count} files of {@code bytes} random (incompressible) bytes, one commit each, so
     * that a transfer takes long enough for git to report its progress; returns the last commit.
     */
    public static String randomCommits(Path repo, int count, int bytes) throws IOException {
        Random random = new Random(count * 31L + bytes);
        String last = null;
        for (int i = 0; i < count; i++) {
            byte[] content = new byte[bytes];
            random.nextBytes(content);
            Files.write(repo.resolve("blob-" + i + ".bin"), content);
            git(repo, "add", "--", "blob-" + i + ".bin");
            git(repo, "commit", "-q", "-m", "blob " + i);
            last = git(repo, "rev-parse", "HEAD");
        }
        return last;
    }

    /**
     * Makes {@code remote} of {@code repo} a remote that stalls mid-transfer until its git is stopped:
     * git on the far side is a wrapper ({@code remote.<name>.receivepack} and {@code uploadpack}) that
     * passes the first bytes through and then neither reads nor writes any more, so a push or fetch
     * of more than a pipe's worth has begun (and printed progress) and then waits for ever.
     */
    public static void stallingRemote(Path repo, String remote, Path scripts) throws IOException {
        Files.createDirectories(scripts);
        Path receive = script(
                scripts.resolve("stalling-receive-pack"),
                "{ dd bs=1 count=4096 status=none; exec tail -f /dev/null; } | git receive-pack \"$@\"\n");
        Path upload = script(
                scripts.resolve("stalling-upload-pack"),
                "git upload-pack \"$@\" | { dd bs=1 count=65536 status=none; exec tail -f /dev/null; }\n");
        git(repo, "config", "remote." + remote + ".receivepack", receive.toString());
        git(repo, "config", "remote." + remote + ".uploadpack", upload.toString());
    }

    private static Path script(Path path, String body) throws IOException {
        Files.writeString(path, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
        return path;
    }

    /** A colleague clones {@code remote} (into {@code folder}/colleague, once), commits the file and pushes; returns the commit. */
    public static String colleaguePushes(Path remote, Path folder, String file, String content) throws IOException {
        Path colleague = folder.resolve("colleague");
        if (!Files.exists(colleague)) {
            git(folder, "clone", "-q", remote.toString(), "colleague");
        }
        String commit = commit(colleague, file, content, "from a colleague");
        git(colleague, "push", "-q");
        return commit;
    }

    /**
     * An HTTP remote on loopback that answers every request with {@code 401} and a Basic challenge,
     * as a private repository does to a client without credentials; counts the requests.
     */
    public static HttpServer passwordAsking(AtomicInteger asked) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            asked.incrementAndGet();
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"private\"");
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
        });
        server.start();
        return server;
    }
}
