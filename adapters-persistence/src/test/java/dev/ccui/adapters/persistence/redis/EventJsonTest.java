package dev.ccui.adapters.persistence.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.domain.events.AppEvent.IndexStatus;
import dev.ccui.domain.events.AppEvent.ProjectsChanged;
import dev.ccui.domain.history.IndexProgress;
import dev.ccui.domain.project.ProjectId;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventJsonTest {
    private final EventJson json = new EventJson();

    @Test
    void projectsChangedRoundTripsWithItsNode() {
        var event = new ProjectsChanged(Set.of(ProjectId.random(), ProjectId.random()));
        String text = json.write("node-a", event);
        assertThat(text)
                .contains("\"type\":\"projects-changed\"")
                .contains("\"node\":\"node-a\"")
                .doesNotContain("dev.ccui");
        assertThat(json.read(text)).contains(new EventJson.Envelope("node-a", event));
    }

    @Test
    void indexStatusRoundTripsIncludingMissingInstants() {
        var started = new IndexStatus(
                new IndexProgress("scanning", 3, 10, 300, 1000, 1, Instant.parse("2026-03-01T10:00:00.123Z"), null, 0));
        var idle = new IndexStatus(new IndexProgress("starting", 0, 0, 0, 0, 0, null, null, 0));
        assertThat(json.read(json.write("n", started)).map(EventJson.Envelope::event))
                .contains(started);
        assertThat(json.read(json.write("n", idle)).map(EventJson.Envelope::event))
                .contains(idle);
        var listing = new IndexStatus(
                new IndexProgress("scanning", 40, 1200, 0, 1000, 0, null, null, 0, IndexProgress.LISTING));
        assertThat(json.read(json.write("n", listing)).map(EventJson.Envelope::event))
                .contains(listing);
    }

    @Test
    void anIndexStatusWithoutPhaseFromAnEarlierNodeReadsAsItMeant() {
        String earlier = "{\"v\":1,\"node\":\"old\",\"type\":\"index-status\",\"state\":\"scanning\",\"filesDone\":1,"
                + "\"filesTotal\":2,\"bytesDone\":3,\"bytesTotal\":4,\"badLines\":0,\"lastScanStartedAt\":null,"
                + "\"lastScanFinishedAt\":null,\"lastChangeLagMs\":0}";
        assertThat(json.read(earlier).map(EventJson.Envelope::event))
                .contains(new IndexStatus(
                        new IndexProgress("scanning", 1, 2, 3, 4, 0, null, null, 0, IndexProgress.PARSING)));
    }

    @Test
    void anythingUnknownOrMalformedIsDropped() {
        assertThat(json.read("not json")).isEmpty();
        assertThat(json.read("[]")).isEmpty();
        assertThat(json.read("{\"v\":2,\"node\":\"n\",\"type\":\"projects-changed\",\"projectIds\":[]}"))
                .isEmpty();
        assertThat(json.read("{\"v\":1,\"node\":\"n\",\"type\":\"run-started\"}"))
                .isEmpty();
        assertThat(json.read("{\"v\":1,\"type\":\"projects-changed\",\"projectIds\":[]}"))
                .isEmpty();
        assertThat(json.read("{\"v\":1,\"node\":\"n\",\"type\":\"projects-changed\",\"projectIds\":[\"../etc\"]}"))
                .isEmpty();
        assertThat(json.read("{\"v\":1,\"node\":\"n\",\"type\":\"index-status\",\"lastScanStartedAt\":\"yesterday\"}"))
                .isEmpty();
    }
}
