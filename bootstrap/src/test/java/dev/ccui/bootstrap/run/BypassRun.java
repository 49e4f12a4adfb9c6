package dev.ccui.bootstrap.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccui.bootstrap.testing.ApiClient;
import java.util.List;

/**
 * A new session's run in {@code bypassPermissions}, followed over {@code /ws} until it ended: how the
 * sandbox tests let the CLI's own tools probe what a member's process can reach.
 */
record BypassRun(String sessionId, List<JsonNode> events) {

    static BypassRun of(ApiClient as, String projectId, String prompt) throws Exception {
        try (RunsHttpIT.Ws ws = new RunsHttpIT.Ws(as)) {
            String sessionId = LiveRunApp.startRun(as, projectId, null, prompt, "bypassPermissions")
                    .get("sessionId")
                    .asText();
            ws.subscribe(sessionId, 0);
            return new BypassRun(sessionId, ws.untilRunEnded());
        }
    }

    /** Every event as text, to look for what the tool printed. */
    String text() {
        return events.toString();
    }
}
