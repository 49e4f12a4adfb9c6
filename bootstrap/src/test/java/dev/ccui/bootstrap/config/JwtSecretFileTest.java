package dev.ccui.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtSecretFileTest {
    @TempDir
    Path dataDir;

    @Test
    void theGeneratedSecretIsKeptOwnerOnlyAndReused() throws Exception {
        String first = JwtSecretFile.readOrCreate(dataDir);
        assertThat(first).hasSizeGreaterThanOrEqualTo(32);
        Path file = dataDir.resolve(JwtSecretFile.NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(JwtSecretFile.readOrCreate(dataDir)).isEqualTo(first);
    }
}
