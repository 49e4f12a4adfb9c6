package dev.ccui.bootstrap.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Puts the real transcripts recorded from the CLI into a Claude config folder, with their
 * {@code cwd} moved to a project folder the test owns.
 */
public final class TranscriptFixtures {
    public static final List<String> SESSIONS = List.of(
            "24e2aa3f-3afc-44f2-b44b-b760af7b381e",
            "ac12bf22-f31a-498a-958c-9d2bfc1878cf",
            "ad5abd5e-c501-45c6-b53a-a7bbf82d9c74");
    private static final String RECORDED_CWD = "/home/dev/proj";

    private TranscriptFixtures() {}

    /** Writes the fixtures as {@code claudeDir/projects/<encoded cwd>/<session>.jsonl}; returns that folder. */
    public static Path install(Path claudeDir, Path projectDir) throws IOException {
        Files.createDirectories(projectDir);
        String cwd = projectDir.toString();
        Path folder = claudeDir.resolve("projects").resolve(cwd.replaceAll("[^A-Za-z0-9]", "-"));
        Files.createDirectories(folder);
        for (String session : SESSIONS) {
            try (InputStream in =
                    TranscriptFixtures.class.getResourceAsStream("/fixtures/transcripts/" + session + ".jsonl")) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace(RECORDED_CWD, cwd);
                Files.writeString(folder.resolve(session + ".jsonl"), text);
            }
        }
        return folder;
    }
}
