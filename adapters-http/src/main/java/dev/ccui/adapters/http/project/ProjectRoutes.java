package dev.ccui.adapters.http.project;

import static dev.ccui.adapters.http.security.Authentication.caller;
import static dev.ccui.adapters.http.security.Authentication.client;

import dev.ccui.adapters.http.RouteGroup;
import dev.ccui.adapters.http.json.Json;
import dev.ccui.adapters.http.json.PathIds;
import dev.ccui.adapters.http.json.QueryParams;
import dev.ccui.adapters.http.security.Access;
import dev.ccui.adapters.http.session.SessionView;
import dev.ccui.application.common.Page;
import dev.ccui.application.history.port.in.SessionHistoryUseCase;
import dev.ccui.application.project.port.in.ProjectChanges;
import dev.ccui.application.project.port.in.ProjectPeople;
import dev.ccui.application.project.port.in.ProjectUseCase;
import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.error.NotFoundException;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.session.SessionSummary;
import dev.ccui.domain.user.UserId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /api/projects}: the projects a user sees, their sessions and who they are shared with. */
public final class ProjectRoutes implements RouteGroup {
    private final ProjectUseCase projects;
    private final SessionHistoryUseCase history;
    private final ProjectListingJson listingJson = new ProjectListingJson();

    public ProjectRoutes(ProjectUseCase projects, SessionHistoryUseCase history) {
        this.projects = projects;
        this.history = history;
    }

    record RegisterBody(String path, String name) {}

    record PatchBody(String name, Boolean starred, Boolean archived) {}

    /** {@code userId}, or {@code username} for owners who cannot list the accounts. */
    record MemberBody(String userId, String username) {}

    record PersonView(String id, String username) {
        static PersonView of(ProjectPeople.Person person) {
            return new PersonView(person.id().toString(), person.username());
        }
    }

    record SessionsPage(List<SessionView> items, String nextCursor) {}

    @Override
    public void register(RoutesConfig routes) {
        routes.get(
                "/api/projects",
                ctx -> ctx.contentType(ContentType.APPLICATION_JSON)
                        .result(listingJson.of(projects.listProjects(caller(ctx)))),
                Access.USER);
        routes.post("/api/projects", this::registerProject, Access.USER);
        routes.get(
                "/api/projects/{projectId}",
                ctx -> ctx.json(ProjectView.of(projects.getProject(caller(ctx), projectId(ctx)))),
                Access.USER);
        routes.patch("/api/projects/{projectId}", this::patch, Access.USER);
        routes.delete(
                "/api/projects/{projectId}",
                ctx -> {
                    projects.removeProject(caller(ctx), projectId(ctx), client(ctx));
                    ctx.status(204);
                },
                Access.USER);
        routes.get(
                "/api/projects/{projectId}/members",
                ctx -> {
                    ProjectPeople people = projects.people(caller(ctx), projectId(ctx));
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("userIds", projects.listMembers(caller(ctx), projectId(ctx)));
                    body.put("owner", people.owner() == null ? null : PersonView.of(people.owner()));
                    body.put(
                            "members",
                            people.members().stream().map(PersonView::of).toList());
                    body.put("canShare", people.canShare());
                    ctx.json(body);
                },
                Access.USER);
        routes.post(
                "/api/projects/{projectId}/members",
                ctx -> {
                    MemberBody body = Json.body(ctx, MemberBody.class);
                    if (body.userId() == null && body.username() != null) {
                        projects.addMemberByName(caller(ctx), projectId(ctx), body.username(), client(ctx));
                    } else {
                        projects.addMember(
                                caller(ctx),
                                projectId(ctx),
                                UserId.parse(body.userId())
                                        .orElseThrow(() -> new InvalidException("userId", "no such user")),
                                client(ctx));
                    }
                    ctx.status(204);
                },
                Access.USER);
        routes.delete(
                "/api/projects/{projectId}/members/{userId}",
                ctx -> {
                    projects.removeMember(
                            caller(ctx),
                            projectId(ctx),
                            UserId.parse(ctx.pathParam("userId"))
                                    .orElseThrow(() -> new NotFoundException("no such member")),
                            client(ctx));
                    ctx.status(204);
                },
                Access.USER);
        routes.get("/api/projects/{projectId}/sessions", this::sessions, Access.USER);
    }

    private void registerProject(Context ctx) {
        RegisterBody body = Json.body(ctx, RegisterBody.class);
        var registered = projects.registerProject(caller(ctx), body.path(), body.name(), client(ctx));
        ctx.status(registered.created() ? 201 : 200).json(ProjectView.of(registered.project()));
    }

    private void patch(Context ctx) {
        PatchBody body = Json.body(ctx, PatchBody.class);
        var changes = new ProjectChanges(body.name(), body.starred(), body.archived());
        ctx.json(ProjectView.of(projects.updateProject(caller(ctx), projectId(ctx), changes, client(ctx))));
    }

    private void sessions(Context ctx) {
        boolean includeHidden = "true".equals(ctx.queryParam("includeHidden"));
        // A bad limit is named before the project is looked up, as it always was.
        Integer limit = QueryParams.integer(ctx, "limit");
        Page<SessionSummary> page =
                history.listSessions(caller(ctx), projectId(ctx), limit, ctx.queryParam("cursor"), includeHidden);
        ctx.json(new SessionsPage(page.items().stream().map(SessionView::of).toList(), page.nextCursor()));
    }

    private static ProjectId projectId(Context ctx) {
        return PathIds.project(ctx.pathParam("projectId"));
    }
}
