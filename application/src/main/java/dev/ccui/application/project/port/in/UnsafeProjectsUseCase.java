package dev.ccui.application.project.port.in;

import dev.ccui.domain.auth.Principal;
import java.util.List;

/** The admin's list of project rows whose workspace routes are refused with {@code PROJECT_UNSAFE}. */
public interface UnsafeProjectsUseCase {

    List<UnsafeProject> unsafeProjects(Principal admin);
}
