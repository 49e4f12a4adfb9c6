package dev.ccui.application.audit.port.out;

import dev.ccui.domain.run.Run;
import dev.ccui.domain.run.RunId;
import java.util.Optional;

/** The run an audit entry names, so the log links to its session (every feature audits; audit depends on none). */
@FunctionalInterface
public interface RunLookup {

    Optional<Run> find(RunId id);
}
