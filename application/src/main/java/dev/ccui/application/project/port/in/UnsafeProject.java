package dev.ccui.application.project.port.in;

import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.user.UserId;

/** A project row that breaks the folder rules (registered before they existed, or discovered). */
public record UnsafeProject(ProjectId id, String path, UserId ownerId, String reason) {}
