package dev.ccui.adapters.process.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineSplitterTest {
    @TempDir
    Path dir;

    record Line(long offset, long length, byte[] bytes) {}

    private List<Line> split(Path file, int maxLine, long maxBytes, long[] end) throws IOException {
        List<Line> lines = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(file)) {
            end[0] = LineSplitter.split(channel, 0, channel.size(), maxLine, maxBytes, new LineSplitter.Sink() {
                @Override
                public void line(long offset, byte[] bytes, int from, int length) {
                    lines.add(new Line(offset, length, Arrays.copyOfRange(bytes, from, from + length)));
                }

                @Override
                public void oversized(long offset, long length) {
                    lines.add(new Line(offset, length, null));
                }
            });
        }
        return lines;
    }

    @Test
    void linesOfEveryLengthAcrossBufferBoundariesKeepExactOffsets() throws IOException {
        Random random = new Random(3);
        int maxLine = 100_000;
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        List<Line> expected = new ArrayList<>();
        int[] lengths = {
            0,
            1,
            7,
            8,
            9,
            maxLine - 1,
            maxLine,
            maxLine + 1,
            LineSplitter.BUFFER_BYTES - 1,
            LineSplitter.BUFFER_BYTES,
            LineSplitter.BUFFER_BYTES + 1,
            300_000
        };
        for (int round = 0; round < 200; round++) {
            int length = round < lengths.length ? lengths[round] : random.nextInt(random.nextBoolean() ? 200 : 150_000);
            byte[] line = new byte[length];
            random.nextBytes(line);
            for (int i = 0; i < length; i++) {
                line[i] = line[i] == '\n' ? (byte) 'y' : line[i];
            }
            expected.add(new Line(content.size(), length, length > maxLine ? null : line));
            content.write(line);
            content.write('\n');
        }
        long complete = content.size();
        content.write("partial".getBytes());
        Path file = Files.write(dir.resolve("lines"), content.toByteArray());

        long[] end = new long[1];
        List<Line> lines = split(file, maxLine, Long.MAX_VALUE, end);

        assertThat(end[0]).isEqualTo(complete);
        assertThat(lines).hasSameSizeAs(expected);
        for (int i = 0; i < lines.size(); i++) {
            assertThat(lines.get(i).offset())
                    .as("offset of line %d", i)
                    .isEqualTo(expected.get(i).offset());
            assertThat(lines.get(i).length())
                    .as("length of line %d", i)
                    .isEqualTo(expected.get(i).length());
            assertThat(lines.get(i).bytes())
                    .as("bytes of line %d", i)
                    .isEqualTo(expected.get(i).bytes());
        }
    }

    @Test
    void theByteCapStopsAfterTheLineThatCrossesIt() throws IOException {
        Path file = Files.writeString(dir.resolve("lines"), "aaaa\nbbbb\ncccc\n");
        long[] end = new long[1];

        assertThat(split(file, 1024, 6, end)).hasSize(2);
        assertThat(end[0]).isEqualTo(10);
    }

    @Test
    void findsNewlinesEightBytesAtATime() {
        byte[] bytes = new byte[40];
        Arrays.fill(bytes, (byte) 'a');
        for (int at = 0; at < bytes.length; at++) {
            bytes[at] = '\n';
            assertThat(LineSplitter.indexOfNewline(bytes, 0, bytes.length)).isEqualTo(at);
            assertThat(LineSplitter.indexOfNewline(bytes, at + 1, bytes.length)).isEqualTo(-1);
            assertThat(LineSplitter.indexOfNewline(bytes, 0, at)).isEqualTo(-1);
            bytes[at] = 'a';
        }
        bytes[5] = (byte) 0x8a;
        bytes[6] = 0;
        bytes[7] = '\n';
        assertThat(LineSplitter.indexOfNewline(bytes, 0, bytes.length)).isEqualTo(7);
    }
}
