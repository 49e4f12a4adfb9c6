package dev.ccui.bootstrap.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccui.bootstrap.testing.ApiClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a listing must show for a transcript tree, read from the files themselves: each project
 * folder's working directory (the {@code cwd} its transcripts carry) and its number of sessions
 * (the top-level {@code .jsonl} files; subagent transcripts live in sub-folders and are no sessions).
 */
record Corpus(
        Path projects,
        Map<String, Integer> sessionsByCwd,
        Map<String, String> folderByCwd,
        List<Path> files,
        long bytes) {

    static Corpus read(Path projects) throws IOException {
        Map<String, Integer> sessions = new TreeMap<>();
        Map<String, String> folders = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> all = Files.walk(projects)) {
            files = all.filter(p -> p.toString().endsWith(".jsonl") && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        }
        try (Stream<Path> dirs = Files.list(projects)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                List<Path> top;
                try (Stream<Path> list = Files.list(dir)) {
                    top = list.filter(p -> p.getFileName().toString().endsWith(".jsonl"))
                            .sorted()
                            .toList();
                }
                if (!top.isEmpty()) {
                    String cwd = cwdOf(top.getFirst());
                    sessions.put(cwd, top.size());
                    folders.put(cwd, dir.getFileName().toString());
                }
            }
        }
        long bytes = 0;
        for (Path file : files) {
            bytes += Files.size(file);
        }
        return new Corpus(projects, sessions, folders, files, bytes);
    }

    int sessions() {
        return sessionsByCwd.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The first file of the project with the most sessions (the one first-page and append timings use). */
    Path busiestProjectFile() {
        String cwd = sessionsByCwd.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .orElseThrow()
                .getKey();
        try (Stream<Path> list = Files.list(projects.resolve(folderByCwd.get(cwd)))) {
            return list.filter(p -> p.getFileName().toString().endsWith(".jsonl"))
                    .sorted()
                    .findFirst()
                    .orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How a listing's counts compare: every project present with its count, and the sessions it accounts for. */
    record Check(int projectsSeen, int projectsRight, long sessionsSeen, boolean complete) {
        String describe(Corpus corpus) {
            return projectsSeen + "/" + corpus.sessionsByCwd().size() + " projects, " + sessionsSeen + "/"
                    + corpus.sessions() + " sessions";
        }
    }

    Check check(Map<String, Long> countsByCwd) {
        int seen = 0;
        int right = 0;
        long sessions = 0;
        for (var expected : sessionsByCwd.entrySet()) {
            Long count = countsByCwd.get(expected.getKey());
            if (count != null) {
                seen++;
                sessions += count;
                if (count == expected.getValue().longValue()) {
                    right++;
                }
            }
        }
        return new Check(seen, right, sessions, right == sessionsByCwd.size());
    }

    private static String cwdOf(Path transcript) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(transcript)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.contains("\"cwd\"")) {
                    JsonNode cwd = ApiClient.json(line).get("cwd");
                    if (cwd != null && cwd.isTextual()) {
                        return cwd.asText();
                    }
                }
            }
        }
        throw new IOException("no cwd in " + transcript);
    }
}
