package dev.ccui.application.usage.port.out;

import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.usage.UsageRecord;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The pieces of work whose tokens and cost are known: the run log's turns and the index's sessions. */
public interface UsageSource {

    /**
     * Records in {@code [from, to)}: every turn of a run (its {@code result} event), and every
     * indexed session no run of this app touched (by its last activity); never the same work twice.
     *
     * @param projects only these projects; null for every project
     */
    List<UsageRecord> records(Instant from, Instant to, Set<ProjectId> projects);
}
