package dev.ccui.adapters.process.claude;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaudeCliProbeTest {
    @TempDir
    Path folder;

    private Path script(String body) throws IOException {
        Path file = folder.resolve("claude");
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    @Test
    void reportsTheVersionTheCliPrints() throws IOException {
        var probe = new ClaudeCliProbe(
                script("echo '2.1.328 (Claude Code)'").toString(), Clock.systemUTC(), Duration.ofMinutes(1));
        var result = probe.check();
        assertThat(result.status()).isEqualTo("up");
        assertThat(result.details()).containsEntry("version", "2.1.328");
        assertThat(probe.required()).isFalse();
    }

    @Test
    void aMissingCliIsMissingNotAnError() {
        var probe = new ClaudeCliProbe(folder.resolve("nope").toString(), Clock.systemUTC(), Duration.ofMinutes(1));
        assertThat(probe.check().status()).isEqualTo("missing");
    }

    @Test
    void aBrokenCliIsDegraded() throws IOException {
        var probe = new ClaudeCliProbe(
                script("echo 'claude native binary not installed'; exit 1").toString(),
                Clock.systemUTC(),
                Duration.ofMinutes(1));
        assertThat(probe.check().status()).isEqualTo("degraded");
    }
}
