package dev.ccui.application.push;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.push.PushNotification;
import dev.ccui.domain.push.PushTopic;
import dev.ccui.domain.run.LoggedRunEvent;
import dev.ccui.domain.run.Run;
import dev.ccui.domain.run.RunEvent;
import dev.ccui.domain.run.RunId;
import dev.ccui.domain.run.RunState;
import dev.ccui.domain.session.SessionId;
import dev.ccui.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which run events become which notification, and where a click leads. */
class RunPushNotifierTest {
    private final SessionId session = new SessionId("3f2b8c1e-0000-4000-8000-000000000001");
    private final Run run = new Run(
            RunId.random(),
            session,
            ProjectId.random(),
            UserId.random(),
            RunState.RUNNING,
            "m",
            Instant.EPOCH,
            null,
            null);

    private Optional<PushNotification> of(RunEvent event) {
        return RunPushNotifier.notification(
                new LoggedRunEvent(session, run.id(), 1, Instant.EPOCH, event), run, "shop");
    }

    private static RunEvent.PermissionRequest request(String tool, Map<String, Object> input, String description) {
        return new RunEvent.PermissionRequest("r1", tool, null, input, description, List.of(), "t1", null);
    }

    @Test
    void eachKindOfMomentHasItsTopicAndLinksToTheSession() {
        PushNotification approval =
                of(request("Bash", Map.of("command", "ls"), "List files")).orElseThrow();
        assertThat(approval.topic()).isEqualTo(PushTopic.APPROVAL_NEEDED);
        assertThat(approval.title()).isEqualTo("Approval needed in shop");
        assertThat(approval.body()).isEqualTo("Bash: List files");
        assertThat(approval.url()).isEqualTo("/#/p/" + run.projectId() + "/s/" + session);
        assertThat(approval.tag()).isEqualTo("session-" + session);

        PushNotification question = of(request(
                        "AskUserQuestion",
                        Map.of(
                                "questions",
                                List.of(Map.of("question", "Which   database?\nPick one", "options", List.of()))),
                        null))
                .orElseThrow();
        assertThat(question.topic()).isEqualTo(PushTopic.QUESTION);
        assertThat(question.body()).isEqualTo("Which database? Pick one");

        PushNotification plan = of(request("ExitPlanMode", Map.of("plan", "x".repeat(500)), null))
                .orElseThrow();
        assertThat(plan.topic()).isEqualTo(PushTopic.APPROVAL_NEEDED);
        assertThat(plan.body()).hasSize(180).endsWith("…");

        assertThat(of(new RunEvent.RunEnded(RunEvent.EndReason.COMPLETED))
                        .orElseThrow()
                        .topic())
                .isEqualTo(PushTopic.RUN_FINISHED);
        assertThat(of(new RunEvent.RunEnded(RunEvent.EndReason.FAILED))
                        .orElseThrow()
                        .topic())
                .isEqualTo(PushTopic.RUN_FAILED);
        assertThat(of(new RunEvent.RunEnded(RunEvent.EndReason.LOST))
                        .orElseThrow()
                        .title())
                .isEqualTo("Run lost in shop");
        assertThat(of(new RunEvent.RunEnded(RunEvent.EndReason.INTERRUPTED)))
                .as("whoever interrupted knows")
                .isEmpty();
        assertThat(of(new RunEvent.AssistantText("m", "hi", null))).isEmpty();
    }
}
