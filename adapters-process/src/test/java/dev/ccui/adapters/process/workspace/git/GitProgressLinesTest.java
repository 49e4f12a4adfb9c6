package dev.ccui.adapters.process.workspace.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.domain.workspace.git.GitProgress;
import org.junit.jupiter.api.Test;

class GitProgressLinesTest {

    @Test
    void gitsProgressLinesBecomePhaseAndCount() {
        assertThat(GitProgressLines.parse("Receiving objects:  45% (450/1000), 1.20 MiB | 1.00 MiB/s"))
                .contains(new GitProgress("Receiving objects", 45, 450, 1000));
        assertThat(GitProgressLines.parse("remote: Counting objects: 100% (7/7), done."))
                .contains(new GitProgress("Counting objects", 100, 7, 7));
        assertThat(GitProgressLines.parse("Resolving deltas: 100% (2/2), done."))
                .contains(new GitProgress("Resolving deltas", 100, 2, 2));
    }

    @Test
    void otherLinesAreNotProgress() {
        assertThat(GitProgressLines.parse("Cloning into '.'...")).isEmpty();
        assertThat(GitProgressLines.parse("fatal: repository 'x' not found")).isEmpty();
        assertThat(GitProgressLines.parse("remote: Enumerating objects: 7, done."))
                .isEmpty();
    }
}
