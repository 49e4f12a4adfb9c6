package dev.ccui.adapters.process.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ccui.application.sandbox.port.out.ProcessSandbox;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The choice of sandbox at start, with real bubblewrap and pasta: both self-tests run at once,
 * and each outcome (both work, bubblewrap missing) gives the sandbox it always did.
 */
class SandboxesTest {
    @TempDir
    Path temp;

    private BubblewrapSettings settings(String bwrap, String pasta) {
        return new BubblewrapSettings(
                bwrap,
                pasta,
                null,
                temp.resolve("claude"),
                List.of(),
                SandboxNetwork.PASTA,
                List.of(),
                new SandboxLimits(0, 0, 0),
                temp.resolve("no-cgroups"));
    }

    @Test
    void bothSelfTestsPassingGiveBubblewrapWithItsOwnNetwork() {
        ProcessSandbox sandbox = Sandboxes.select(null, settings("bwrap", "pasta"), false);

        assertThat(sandbox.isolates()).isTrue();
        assertThat(sandbox.details()).containsEntry("network", "pasta");
    }

    @Test
    void aMissingBubblewrapMeansNoSandboxUnlessItWasRequired() {
        String noBwrap = temp.resolve("no-bwrap-here").toString();

        ProcessSandbox sandbox = Sandboxes.select(null, settings(noBwrap, "pasta"), false);

        assertThat(sandbox.isolates()).isFalse();
        assertThat(sandbox.details().get("reason").toString()).startsWith("bubblewrap unavailable");
        assertThatThrownBy(() -> Sandboxes.select("bwrap", settings(noBwrap, "pasta"), false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("CCUI_SANDBOX=bwrap but bubblewrap does not work here");
    }
}
