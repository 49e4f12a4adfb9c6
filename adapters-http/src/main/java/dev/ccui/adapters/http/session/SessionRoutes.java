package dev.ccui.adapters.http.session;

import static dev.ccui.adapters.http.security.Authentication.caller;
import static dev.ccui.adapters.http.security.Authentication.client;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.ccui.adapters.http.RouteGroup;
import dev.ccui.adapters.http.json.Json;
import dev.ccui.adapters.http.json.PathIds;
import dev.ccui.adapters.http.json.QueryParams;
import dev.ccui.adapters.http.security.Access;
import dev.ccui.application.common.Page;
import dev.ccui.application.history.port.in.MessagesPage;
import dev.ccui.application.history.port.in.MessagesQuery;
import dev.ccui.application.history.port.in.SearchResult;
import dev.ccui.application.history.port.in.SessionHistoryUseCase;
import dev.ccui.application.history.port.in.SessionMatches;
import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.history.ImageData;
import dev.ccui.domain.session.SessionId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code /api/sessions/*} and {@code /api/search}: history pages, tool outputs, images, export, rename, hide, search. */
public final class SessionRoutes implements RouteGroup {
    private final SessionHistoryUseCase history;

    public SessionRoutes(SessionHistoryUseCase history) {
        this.history = history;
    }

    record PatchBody(String title, Boolean hidden) {}

    record Messages(List<Map<String, Object>> items, Long nextBefore, Long nextAfter) {}

    record Hit(
            String sessionId,
            String projectId,
            String projectName,
            String title,
            String snippet,
            Instant lastActivityAt) {}

    record Hits(List<Hit> items, String nextCursor) {}

    record Matches(List<Long> items, boolean truncated) {}

    @Override
    public void register(RoutesConfig routes) {
        routes.get(
                "/api/sessions/{sessionId}",
                ctx -> ctx.json(SessionView.of(history.getSession(caller(ctx), sessionId(ctx)))),
                Access.USER);
        routes.patch("/api/sessions/{sessionId}", this::patch, Access.USER);
        routes.delete(
                "/api/sessions/{sessionId}",
                ctx -> {
                    history.hideSession(caller(ctx), sessionId(ctx), true, client(ctx));
                    ctx.status(204);
                },
                Access.USER);
        routes.get("/api/sessions/{sessionId}/messages", this::messages, Access.USER);
        routes.get("/api/sessions/{sessionId}/matches", this::matches, Access.USER);
        routes.get("/api/sessions/{sessionId}/tool-results/{toolUseId}", this::toolResult, Access.USER);
        routes.get("/api/sessions/{sessionId}/images/{imageId}", this::image, Access.USER);
        routes.get("/api/sessions/{sessionId}/export", this::export, Access.USER);
        routes.get("/api/search", this::search, Access.USER);
    }

    private void patch(Context ctx) {
        PatchBody body = Json.body(ctx, PatchBody.class);
        SessionId id = sessionId(ctx);
        if (body.hidden() != null) {
            history.hideSession(caller(ctx), id, body.hidden(), client(ctx));
        }
        if (body.title() != null || body.hidden() == null) {
            ctx.json(SessionView.of(history.renameSession(caller(ctx), id, body.title(), client(ctx))));
        } else {
            ctx.json(SessionView.of(history.getSession(caller(ctx), id)));
        }
    }

    private void messages(Context ctx) {
        MessagesQuery query = new MessagesQuery(
                QueryParams.integer(ctx, "limit"),
                QueryParams.whole(ctx, "before"),
                QueryParams.whole(ctx, "after"),
                QueryParams.whole(ctx, "around"));
        MessagesPage page = history.messages(caller(ctx), sessionId(ctx), query);
        ctx.json(new Messages(MessageView.of(page.items()), page.nextBefore(), page.nextAfter()));
    }

    private void matches(Context ctx) {
        SessionMatches matches = history.matches(caller(ctx), sessionId(ctx), ctx.queryParam("q"));
        ctx.json(new Matches(matches.seqs(), matches.truncated()));
    }

    private void toolResult(Context ctx) {
        Long seq = QueryParams.whole(ctx, "seq");
        if (seq == null) {
            throw new InvalidException("seq", "seq (the message's seq) is required");
        }
        String toolUseId = ctx.pathParam("toolUseId");
        ctx.json(Map.of(
                "toolUseId", toolUseId, "content", history.toolResult(caller(ctx), sessionId(ctx), seq, toolUseId)));
    }

    private void image(Context ctx) {
        ImageData image = history.image(caller(ctx), sessionId(ctx), ctx.pathParam("imageId"));
        ctx.header("Cache-Control", "private, max-age=86400");
        ctx.header("Content-Disposition", "inline");
        ctx.contentType(image.mediaType()).result(image.bytes());
    }

    private void export(Context ctx) throws Exception {
        String format = ctx.queryParam("format") == null ? "markdown" : ctx.queryParam("format");
        SessionId id = sessionId(ctx);
        var summary = history.getSession(caller(ctx), id);
        String safeName = "session-" + summary.id().value();
        switch (format) {
            case "markdown", "md" -> {
                ctx.contentType("text/markdown; charset=utf-8");
                ctx.header("Content-Disposition", "attachment; filename=\"" + safeName + ".md\"");
                try (Writer writer =
                        new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8))) {
                    history.exportMarkdown(caller(ctx), id, writer);
                }
            }
            case "json" -> {
                ctx.contentType("application/json");
                ctx.header("Content-Disposition", "attachment; filename=\"" + safeName + ".json\"");
                try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(ctx.outputStream())) {
                    json.writeStartObject();
                    json.writeFieldName("session");
                    Json.MAPPER.writeValue(json, SessionView.of(summary));
                    json.writeArrayFieldStart("messages");
                    history.exportMessages(
                            caller(ctx), id, message -> Json.MAPPER.writeValue(json, MessageView.of(message)));
                    json.writeEndArray();
                    json.writeEndObject();
                }
            }
            default -> throw new InvalidException("format", "format must be markdown or json");
        }
    }

    private void search(Context ctx) {
        String projectId = ctx.queryParam("projectId");
        Page<SearchResult> page = history.search(
                caller(ctx),
                ctx.queryParam("q"),
                projectId == null || projectId.isBlank() ? null : PathIds.project(projectId),
                QueryParams.integer(ctx, "limit"),
                ctx.queryParam("cursor"));
        ctx.json(new Hits(
                page.items().stream()
                        .map(r -> new Hit(
                                r.hit().sessionId().value(),
                                r.hit().projectId().toString(),
                                r.projectName(),
                                r.hit().title(),
                                r.hit().snippet(),
                                r.hit().lastActivityAt()))
                        .toList(),
                page.nextCursor()));
    }

    private static SessionId sessionId(Context ctx) {
        return PathIds.session(ctx.pathParam("sessionId"));
    }
}
