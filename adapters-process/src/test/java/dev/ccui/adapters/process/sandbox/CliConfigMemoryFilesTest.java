package dev.ccui.adapters.process.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ccui.domain.error.ConflictException;
import dev.ccui.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliConfigMemoryFilesTest {
    @TempDir
    Path folder;

    private final UserId user = new UserId(UUID.randomUUID());

    @Test
    void theFileIsTheAccountsOwnOwnerOnlyAndReplacedWhole() throws Exception {
        var files = new CliConfigMemoryFiles(folder.resolve("cli-config"));
        assertThat(files.read(user)).isEmpty();
        files.write(user, "# one".getBytes(StandardCharsets.UTF_8));
        files.write(user, "# two".getBytes(StandardCharsets.UTF_8));
        Path file =
                folder.resolve("cli-config").resolve(user.value().toString()).resolve("CLAUDE.md");
        assertThat(file).hasContent("# two");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(new String(files.read(user).orElseThrow(), StandardCharsets.UTF_8))
                .isEqualTo("# two");
        try (var left = Files.list(file.getParent())) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("CLAUDE.md");
        }
    }

    @Test
    void aLinkInTheFilesPlaceIsNeitherReadNorWrittenThrough() throws Exception {
        Path secret = Files.writeString(folder.resolve("secret.txt"), "secret");
        var files = new CliConfigMemoryFiles(folder.resolve("cli-config"));
        Path own = UserCliConfig.folder(folder.resolve("cli-config"), user);
        Files.createSymbolicLink(own.resolve("CLAUDE.md"), secret);
        assertThatThrownBy(() -> files.read(user))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("NOT_A_REGULAR_FILE"));
        assertThatThrownBy(() -> files.write(user, "pwned".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ConflictException.class);
        assertThat(secret).hasContent("secret");
    }
}
