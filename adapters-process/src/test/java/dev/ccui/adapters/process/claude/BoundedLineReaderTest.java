package dev.ccui.adapters.process.claude;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BoundedLineReaderTest {

    private static BoundedLineReader reader(String text, int max) {
        return new BoundedLineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), max);
    }

    @Test
    void readsLinesWithAndWithoutAFinalNewline() throws IOException {
        var reader = reader("one\r\ntwo\n\nthree – ü", 1024);

        assertThat(reader.next().text()).isEqualTo("one");
        assertThat(reader.next().text()).isEqualTo("two");
        assertThat(reader.next().text()).isEmpty();
        assertThat(reader.next().text()).isEqualTo("three – ü");
        assertThat(reader.next()).isNull();
    }

    @Test
    void skipsALineLongerThanTheLimitAndGoesOn() throws IOException {
        String huge = "x".repeat(200_000);
        var reader = reader("short\n" + huge + "\nafter\n" + huge, 1024);

        assertThat(reader.next().text()).isEqualTo("short");
        assertThat(reader.next()).isEqualTo(new BoundedLineReader.Line(null, 200_000));
        assertThat(reader.next().text()).isEqualTo("after");
        assertThat(reader.next()).isEqualTo(new BoundedLineReader.Line(null, 200_000));
        assertThat(reader.next()).isNull();
    }

    @Test
    void aLineOfExactlyTheLimitIsKept() throws IOException {
        var reader = reader("y".repeat(1024) + "\n", 1024);

        assertThat(reader.next().text()).hasSize(1024);
    }
}
