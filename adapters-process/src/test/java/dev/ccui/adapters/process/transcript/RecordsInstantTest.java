package dev.ccui.adapters.process.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The indexer's fast timestamp reading gives what {@link Instant#parse} gives, and leaves the rest to it. */
class RecordsInstantTest {

    @Test
    void theCliShapeReadsAsInstantParseReadsIt() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            Instant at = Instant.ofEpochSecond(
                    random.nextLong(-2_000_000_000L, 8_000_000_000L), random.nextInt(1_000_000_000));
            int digits = i % 10;
            DateTimeFormatterBuilder builder = new DateTimeFormatterBuilder().appendPattern("uuuu-MM-dd'T'HH:mm:ss");
            if (digits > 0) {
                builder.appendFraction(ChronoField.NANO_OF_SECOND, digits, digits, true);
            }
            DateTimeFormatter format = builder.appendLiteral('Z').toFormatter().withZone(ZoneOffset.UTC);
            String text = format.format(at);

            assertThat(Records.utcInstant(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void anythingElseIsLeftToTheGeneralParser() {
        for (String text : new String[] {
            "2026-02-30T10:00:00Z",
            "2026-13-01T10:00:00Z",
            "2026-01-01T24:00:00Z",
            "2026-01-01T10:60:00Z",
            "2026-01-01T10:00:00.Z",
            "2026-01-01T10:00:00.1234567891Z",
            "2026-01-01 10:00:00Z",
            "2026-01-01T10:00:00+01:00",
            "2026-01-01T10:00:00z",
            "2026-0a-01T10:00:00Z",
            "+2026-01-01T10:00:00Z"
        }) {
            assertThat(Records.utcInstant(text)).as(text).isNull();
        }
        assertThat(Records.instant("2026-01-01T10:00:00+01:00")).isEqualTo(Instant.parse("2026-01-01T09:00:00Z"));
        assertThat(Records.instant("2024-02-29T23:59:59.5Z")).isEqualTo(Instant.parse("2024-02-29T23:59:59.5Z"));
        assertThat(Records.instant("not a time")).isNull();
    }
}
