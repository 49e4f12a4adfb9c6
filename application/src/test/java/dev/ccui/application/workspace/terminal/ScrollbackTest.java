package dev.ccui.application.workspace.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScrollbackTest {
    @Test
    void numbersChunksReplaysAfterASeqAndDropsTheOldestBeyondTheLimit() {
        Scrollback scrollback = new Scrollback(10);
        assertThat(scrollback.append("abcd")).isEqualTo(1);
        assertThat(scrollback.append("éé")).isEqualTo(2);
        assertThat(scrollback.after(0)).extracting(Scrollback.Chunk::data).containsExactly("abcd", "éé");
        assertThat(scrollback.after(1)).extracting(Scrollback.Chunk::seq).containsExactly(2L);
        assertThat(scrollback.append("xyz")).isEqualTo(3);
        assertThat(scrollback.after(0)).extracting(Scrollback.Chunk::seq).containsExactly(2L, 3L);
        assertThat(scrollback.append("a much longer chunk than the limit")).isEqualTo(4);
        assertThat(scrollback.after(0)).extracting(Scrollback.Chunk::seq).containsExactly(4L);
        assertThat(scrollback.lastSeq()).isEqualTo(4);
        assertThat(Scrollback.utf8Length("a€😀")).isEqualTo(1 + 3 + 4);
    }
}
