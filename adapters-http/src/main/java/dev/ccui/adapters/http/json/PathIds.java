package dev.ccui.adapters.http.json;

import dev.ccui.domain.apikey.ApiKeyId;
import dev.ccui.domain.error.NotFoundException;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.session.SessionId;
import dev.ccui.domain.user.UserId;

/**
 * Ids in paths and queries, parsed at the edge into the domain's types. Text that is no id names
 * nothing: the same 404 as an id nobody has, so a malformed id tells a caller nothing more.
 */
public final class PathIds {
    private PathIds() {}

    public static ProjectId project(String text) {
        return ProjectId.parse(text).orElseThrow(() -> new NotFoundException("no such project"));
    }

    public static SessionId session(String text) {
        return SessionId.parse(text).orElseThrow(() -> new NotFoundException("no such session"));
    }

    public static UserId user(String text) {
        return UserId.parse(text).orElseThrow(() -> new NotFoundException("no such user"));
    }

    public static ApiKeyId apiKey(String text) {
        return ApiKeyId.parse(text).orElseThrow(() -> new NotFoundException("no such API key"));
    }
}
