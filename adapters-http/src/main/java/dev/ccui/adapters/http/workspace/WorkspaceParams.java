package dev.ccui.adapters.http.workspace;

import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.error.NotFoundException;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.workspace.RelativePath;
import io.javalin.http.Context;
import java.util.List;

/**
 * The project and paths of a workspace request, parsed at the edge with the answers the API
 * documents: an id that is not one names no project (404), a path that would leave the project is
 * {@code 403 PATH_OUTSIDE_PROJECT}, a missing one where a file is meant is 400.
 */
final class WorkspaceParams {
    private WorkspaceParams() {}

    static ProjectId projectId(String text) {
        return ProjectId.parse(text).orElseThrow(() -> new NotFoundException("no such project"));
    }

    static ProjectId projectId(Context ctx) {
        return projectId(ctx.pathParam("projectId"));
    }

    /** {@code ?path=} of a folder: absent or empty is the project root. */
    static RelativePath folder(Context ctx) {
        return RelativePath.parse(ctx.queryParam("path"));
    }

    /** {@code ?path=} of a file: required. */
    static RelativePath file(Context ctx) {
        return file(ctx.queryParam("path"));
    }

    static RelativePath file(String text) {
        if (text == null || text.isEmpty()) {
            throw new InvalidException("path", "path is required");
        }
        return RelativePath.parse(text);
    }

    /** {@code ?path=} of a diff: absent or blank is the whole repository. */
    static RelativePath optional(String text) {
        return text == null || text.isBlank() ? RelativePath.ROOT : RelativePath.parse(text);
    }

    /** A body's list of paths; absent is empty (refused by the use case). */
    static List<RelativePath> paths(List<String> texts) {
        return texts == null
                ? List.of()
                : texts.stream().map(RelativePath::parse).toList();
    }
}
