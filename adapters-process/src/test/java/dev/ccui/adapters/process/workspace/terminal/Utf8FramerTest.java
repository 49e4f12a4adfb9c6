package dev.ccui.adapters.process.workspace.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Utf8FramerTest {
    @Test
    void neverSplitsACharacterWhateverTheReadBoundaries() {
        byte[] text = "aé€😀z✓".getBytes(StandardCharsets.UTF_8);
        for (int cut = 0; cut <= text.length; cut++) {
            Utf8Framer framer = new Utf8Framer(16);
            byte[] first = Arrays.copyOfRange(text, 0, cut);
            byte[] second = Arrays.copyOfRange(text, cut, text.length);
            String a = framer.feed(first, first.length);
            String b = framer.feed(second, second.length);
            assertThat(a + b + framer.finish()).isEqualTo("aé€😀z✓");
            assertThat(a.isEmpty() || !Character.isHighSurrogate(a.charAt(a.length() - 1)))
                    .isTrue();
            assertThat(a).doesNotContain("\uFFFD");
        }
    }

    @Test
    void byteByByteAndLongerThanTheBuffer() {
        String long1 = "ü".repeat(100);
        byte[] bytes = long1.getBytes(StandardCharsets.UTF_8);
        Utf8Framer framer = new Utf8Framer(7);
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(framer.feed(new byte[] {b}, 1));
        }
        assertThat(out.toString()).isEqualTo(long1);
        assertThat(new Utf8Framer(7).feed(bytes, bytes.length)).isEqualTo(long1);
    }

    @Test
    void invalidBytesBecomeReplacementCharacters() {
        Utf8Framer framer = new Utf8Framer(16);
        assertThat(framer.feed(new byte[] {'a', (byte) 0xFF, 'b'}, 3)).isEqualTo("a\uFFFDb");
        assertThat(framer.feed(new byte[] {(byte) 0xE2, (byte) 0x82}, 2)).isEmpty();
        assertThat(framer.finish()).isEqualTo("\uFFFD");
    }
}
