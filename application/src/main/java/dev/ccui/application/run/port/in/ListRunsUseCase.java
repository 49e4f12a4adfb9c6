package dev.ccui.application.run.port.in;

import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.run.Run;
import dev.ccui.domain.run.RunId;
import java.util.List;

public interface ListRunsUseCase {

    /** The caller's runs newest first (everyone's for an admin). */
    List<Run> list(Principal caller, boolean activeOnly);

    Run get(Principal caller, RunId runId);
}
