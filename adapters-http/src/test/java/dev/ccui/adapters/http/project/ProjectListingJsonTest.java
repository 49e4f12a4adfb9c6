package dev.ccui.adapters.http.project;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccui.adapters.http.json.Json;
import dev.ccui.domain.project.Project;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.project.ProjectOverview;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectListingJsonTest {
    private static final Instant T0 = Instant.parse("2026-12-01T09:30:00Z");
    private final ProjectListingJson json = new ProjectListingJson();

    private static ProjectOverview overview(ProjectId id, String name, long sessions) {
        return new ProjectOverview(
                new Project(id, "/work/" + name, name, true, false, false, true, null, T0, T0), sessions, T0, 2);
    }

    @Test
    void aListingIsWrittenAsTheProjectsViewsOnceAndTheSameListGetsTheSameBytes() throws Exception {
        ProjectId id = ProjectId.random();
        List<ProjectOverview> listing = List.of(overview(id, "alpha", 12));

        byte[] first = json.of(listing);

        assertThat(json.of(listing)).isSameAs(first);
        JsonNode body = Json.MAPPER.readTree(first);
        assertThat(body).hasSize(1);
        assertThat(body.get(0).get("id").asText()).isEqualTo(id.toString());
        assertThat(body.get(0).get("name").asText()).isEqualTo("alpha");
        assertThat(body.get(0).get("sessionCount").asLong()).isEqualTo(12);
        assertThat(body.get(0).get("archivedSessionCount").asLong()).isEqualTo(2);
        assertThat(body.get(0).get("starred").asBoolean()).isTrue();
        assertThat(body.get(0).get("lastActivityAt").asText()).isEqualTo("2026-12-01T09:30:00Z");
    }

    @Test
    void anotherListWithEqualOrChangedContentsIsWrittenAfresh() throws Exception {
        ProjectId id = ProjectId.random();
        byte[] before = json.of(List.of(overview(id, "alpha", 12)));

        byte[] changed = json.of(List.of(overview(id, "alpha", 13)));

        assertThat(changed).isNotSameAs(before);
        assertThat(Json.MAPPER.readTree(changed).get(0).get("sessionCount").asLong())
                .isEqualTo(13);
    }
}
