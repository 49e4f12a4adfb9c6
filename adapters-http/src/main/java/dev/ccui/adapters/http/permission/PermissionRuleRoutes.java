package dev.ccui.adapters.http.permission;

import static dev.ccui.adapters.http.security.Authentication.caller;
import static dev.ccui.adapters.http.security.Authentication.client;

import dev.ccui.adapters.http.RouteGroup;
import dev.ccui.adapters.http.json.Json;
import dev.ccui.adapters.http.security.Access;
import dev.ccui.application.permission.port.in.AddPermissionRuleCommand;
import dev.ccui.application.permission.port.in.PermissionRulesUseCase;
import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.error.NotFoundException;
import dev.ccui.domain.permission.PermissionRule;
import dev.ccui.domain.permission.PermissionRuleId;
import dev.ccui.domain.project.ProjectId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/**
 * {@code /api/projects/{projectId}/permission-rules}: the saved allow and deny rules every run of the
 * project starts with (the project's own, and the caller's personal ones).
 */
public final class PermissionRuleRoutes implements RouteGroup {
    private static final String BASE = "/api/projects/{projectId}/permission-rules";
    private final PermissionRulesUseCase rules;

    public PermissionRuleRoutes(PermissionRulesUseCase rules) {
        this.rules = rules;
    }

    record AddBody(String behavior, String rule, String scope) {
        AddPermissionRuleCommand command() {
            if (scope != null && !scope.equals("project") && !scope.equals("personal")) {
                throw new InvalidException("scope", "scope is project or personal");
            }
            return new AddPermissionRuleCommand(
                    AddPermissionRuleCommand.behavior(behavior), rule, "personal".equals(scope));
        }
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(
                BASE,
                ctx -> ctx.json(Map.of(
                        "items",
                        rules.list(caller(ctx), project(ctx)).stream()
                                .map(RuleView::of)
                                .toList(),
                        "canEditProject",
                        rules.mayChangeProjectRules(caller(ctx), project(ctx)))),
                Access.USER);
        routes.post(
                BASE,
                ctx -> {
                    AddBody body = Json.body(ctx, AddBody.class);
                    PermissionRule added = rules.add(caller(ctx), project(ctx), body.command(), client(ctx));
                    ctx.status(201).json(RuleView.of(added));
                },
                Access.USER);
        routes.delete(
                BASE + RuleIdParam.PATH,
                ctx -> {
                    PermissionRuleId id = RuleIdParam.of(ctx, "no such rule in this project");
                    rules.remove(caller(ctx), project(ctx), id, client(ctx));
                    ctx.status(204);
                },
                Access.USER);
    }

    private static ProjectId project(Context ctx) {
        return ProjectId.parse(ctx.pathParam("projectId")).orElseThrow(() -> new NotFoundException("no such project"));
    }
}
