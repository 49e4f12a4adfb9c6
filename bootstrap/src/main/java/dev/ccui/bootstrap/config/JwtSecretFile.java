package dev.ccui.bootstrap.config;

import dev.ccui.application.common.Secrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * In development without {@code JWT_SECRET}, a random secret generated once and kept in the
 * data dir (readable by the owner only), so sessions survive restarts without a default secret
 * anyone could know.
 */
public final class JwtSecretFile {
    static final String NAME = "jwt-secret";

    private JwtSecretFile() {}

    public static String readOrCreate(Path dataDir) {
        Path file = dataDir.resolve(NAME);
        try {
            if (Files.exists(file)) {
                String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (secret.length() >= AccountsConfig.MIN_SECRET) {
                    return secret;
                }
            }
            String secret = Secrets.urlSafe(48);
            Path temp = Files.createTempFile(
                    dataDir,
                    NAME,
                    ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temp, secret, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.setPosixFilePermissions(file, Set.copyOf(PosixFilePermissions.fromString("rw-------")));
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the generated JWT secret in " + file, e);
        }
    }
}
