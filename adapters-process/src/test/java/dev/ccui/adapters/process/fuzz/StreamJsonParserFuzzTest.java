package dev.ccui.adapters.process.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ccui.adapters.process.claude.StreamJsonParser;

/**
 * Hostile CLI output: the parser promises never to throw for its input. Several lines through one
 * parser, as one process's output goes (it keeps state between lines). Regression inputs live in
 * {@code StreamJsonParserFuzzTestInputs/}; {@code ops/fuzz/fuzz.sh} fuzzes it for longer.
 */
class StreamJsonParserFuzzTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @FuzzTest(maxDuration = "10s")
    void neverThrowsOnAnyLine(FuzzedDataProvider data) {
        StreamJsonParser parser = new StreamJsonParser(MAPPER);
        int lines = data.consumeInt(1, 8);
        for (int i = 0; i < lines && data.remainingBytes() > 0; i++) {
            String line = i == lines - 1 ? data.consumeRemainingAsString() : data.consumeString(4096);
            StreamJsonParser.Parsed parsed = parser.parse(line);
            assertThat(parsed).isNotNull();
            assertThat(parsed.events()).doesNotContainNull();
        }
    }
}
