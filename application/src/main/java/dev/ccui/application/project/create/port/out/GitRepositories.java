package dev.ccui.application.project.create.port.out;

import dev.ccui.application.common.Cancellation;
import dev.ccui.domain.workspace.git.GitProgress;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Making repositories for new projects, in the process sandbox. Failures are the application's
 * exceptions with the codes of {@code GitClient}'s remote operations ({@code REMOTE_AUTH_REQUIRED},
 * {@code REMOTE_UNREACHABLE}, {@code REMOTE_TIMEOUT}, …, {@code GIT_FAILED}).
 */
public interface GitRepositories {

    /** {@code git init} in an existing empty folder, on branch {@code main}. */
    void init(Path folder);

    /**
     * Clones {@code source} (a checked URL, or a real local folder) into the existing empty folder
     * {@code target}, reporting git's progress; returns when git is done or stopped by {@code cancellation}.
     *
     * @param localSource the real folder of a local source, which the sandbox shows read-only; null for a URL
     */
    void clone(String source, Path localSource, Path target, Consumer<GitProgress> progress, Cancellation cancellation);
}
