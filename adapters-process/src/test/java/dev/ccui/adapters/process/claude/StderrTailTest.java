package dev.ccui.adapters.process.claude;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StderrTailTest {

    private static StderrTail read(String stderr) throws InterruptedException {
        StderrTail tail = new StderrTail();
        tail.readFrom(new ByteArrayInputStream(stderr.getBytes(StandardCharsets.UTF_8)), 1);
        tail.awaitEnd(Duration.ZERO);
        return tail;
    }

    @Test
    void keepsOnlyTheLastLines() throws InterruptedException {
        String stderr = IntStream.rangeClosed(1, 30).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));

        String tail = read(stderr).text();

        assertThat(tail.lines()).hasSize(StderrTail.LINES).first().isEqualTo("line 11");
        assertThat(tail.lines()).last().isEqualTo("line 30");
    }

    @Test
    void cutsALongLineAndNamesOneTooLongToRead() throws InterruptedException {
        String stderr = "x".repeat(StderrTail.LINE_CHARS + 10) + "\n" + "y".repeat(70 * 1024) + "\n";

        var lines = read(stderr).text().lines().toList();

        assertThat(lines.getFirst()).hasSize(StderrTail.LINE_CHARS + 1).endsWith("…");
        assertThat(lines.getLast()).isEqualTo("[" + 70 * 1024 + " bytes skipped]");
    }
}
