package dev.ccui.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.domain.run.NodeId;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeIdFileTest {
    @TempDir
    Path folder;

    @Test
    void aNodeKeepsItsIdAcrossRestartsAndTwoDataDirsGetTwoIds() throws Exception {
        Path one = Files.createDirectories(folder.resolve("one"));
        Path two = Files.createDirectories(folder.resolve("two"));
        NodeId first = NodeIdFile.readOrCreate(one);
        assertThat(NodeId.valid(first.value())).isTrue();
        assertThat(NodeIdFile.readOrCreate(one)).isEqualTo(first);
        assertThat(NodeIdFile.readOrCreate(two)).isNotEqualTo(first);
    }

    @Test
    void anUnusableFileIsReplaced() throws Exception {
        Files.writeString(folder.resolve(NodeIdFile.NAME), "not/a node id\n");
        NodeId made = NodeIdFile.readOrCreate(folder);
        assertThat(Files.readString(folder.resolve(NodeIdFile.NAME)).strip()).isEqualTo(made.value());
    }
}
