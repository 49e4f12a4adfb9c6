package dev.ccui.bootstrap.config;

import dev.ccui.domain.run.NodeId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Without {@code CCUI_NODE_ID}, the node's id is made once (host name plus random hex, so logs
 * stay readable and two containers with the same host name still differ) and kept in the data
 * dir: the same node keeps its id across restarts, which is how it recognises its own runs as
 * lost when it comes back.
 */
public final class NodeIdFile {
    static final String NAME = "node-id";

    private NodeIdFile() {}

    public static NodeId readOrCreate(Path dataDir) {
        Path file = dataDir.resolve(NAME);
        try {
            if (Files.exists(file)) {
                String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (NodeId.valid(kept)) {
                    return new NodeId(kept);
                }
            }
            byte[] random = new byte[4];
            new SecureRandom().nextBytes(random);
            NodeId made = new NodeId(hostPart() + "-" + HexFormat.of().formatHex(random));
            Path temp = Files.createTempFile(dataDir, NAME, ".tmp");
            Files.writeString(temp, made.value() + "\n", StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return made;
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the node id in " + file, e);
        }
    }

    /** The host name cut to what a node id may hold; "node" when it has nothing usable. */
    private static String hostPart() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "";
        }
        String cleaned =
                host.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-").replaceAll("^[^a-z0-9]+", "");
        if (cleaned.length() > 40) {
            cleaned = cleaned.substring(0, 40);
        }
        return cleaned.isEmpty() ? "node" : cleaned;
    }
}
