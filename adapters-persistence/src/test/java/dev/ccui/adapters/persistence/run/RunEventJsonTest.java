package dev.ccui.adapters.persistence.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.domain.permission.RuleMatch;
import dev.ccui.domain.run.RunEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stored queue events keep the names of a message's documents; events stored before them read as none. */
class RunEventJsonTest {
    private final RunEventJson json = new RunEventJson();

    private static RunEvent.QueueEntry entry(List<RunEvent.FileEntry> files) {
        return new RunEvent.QueueEntry(
                "0b7c61c4-5d35-4a49-9a8e-7d1c7f0e2a11",
                "u1",
                "olga",
                "look",
                1,
                null,
                null,
                null,
                "c1",
                "2026-12-01T10:00:00Z",
                "2026-12-01T10:00:00Z",
                files);
    }

    @Test
    void aQueueEventRoundTripsWithItsDocumentsAndAnOlderOneReadsWithoutAny() {
        var files = List.of(new RunEvent.FileEntry("report.pdf", "application/pdf", 1234));
        var event = new RunEvent.QueueChanged("queued", entry(files), null, null, List.of(entry(files)));

        assertThat(json.read("queue_changed", json.write(event))).isEqualTo(event);

        String older = json.write(event)
                .replace(
                        ",\"attachments\":[{\"name\":\"report.pdf\",\"mediaType\":\"application/pdf\",\"size\":1234}]",
                        "");
        assertThat(older).doesNotContain("report.pdf");
        var read = (RunEvent.QueueChanged) json.read("queue_changed", older);
        assertThat(read.message().attachments()).isEmpty();
        assertThat(read.message().images()).isEqualTo(1);
    }

    @Test
    void aToolUseKeepsTheRuleThatDecidedItAndAnOlderOneReadsWithoutAny() {
        var event = new RunEvent.ToolUse("m1", "toolu_1", "Write", java.util.Map.of("file_path", "/w/src/a.txt"), null)
                .withSavedRule(new RuleMatch("allow", "Edit(src/**)"));

        assertThat(json.read("tool_use", json.write(event))).isEqualTo(event);
        String older =
                json.write(event).replace(",\"savedRule\":{\"behavior\":\"allow\",\"rule\":\"Edit(src/**)\"}", "");
        assertThat(older).doesNotContain("savedRule");
        assertThat(((RunEvent.ToolUse) json.read("tool_use", older)).savedRule())
                .isNull();
    }
}
