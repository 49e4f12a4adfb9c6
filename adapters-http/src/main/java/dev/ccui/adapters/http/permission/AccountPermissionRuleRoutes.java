package dev.ccui.adapters.http.permission;

import static dev.ccui.adapters.http.security.Authentication.caller;
import static dev.ccui.adapters.http.security.Authentication.client;

import dev.ccui.adapters.http.RouteGroup;
import dev.ccui.adapters.http.json.Json;
import dev.ccui.adapters.http.security.Access;
import dev.ccui.application.permission.port.in.AddPermissionRuleCommand;
import dev.ccui.application.permission.port.in.PermissionRulesUseCase;
import dev.ccui.domain.permission.PermissionRule;
import dev.ccui.domain.permission.PermissionRuleId;
import io.javalin.config.RoutesConfig;
import java.util.Map;

/**
 * {@code /api/me/permission-rules}: the caller's own allow and deny rules, given to every run they
 * start in any project (with that project's rules). There is no other account's to name: someone
 * else's rule id is {@code 404} like an unknown one.
 */
public final class AccountPermissionRuleRoutes implements RouteGroup {
    public static final String PATH = "/api/me/permission-rules";
    private final PermissionRulesUseCase rules;

    public AccountPermissionRuleRoutes(PermissionRulesUseCase rules) {
        this.rules = rules;
    }

    record AddBody(String behavior, String rule) {
        AddPermissionRuleCommand command() {
            return new AddPermissionRuleCommand(AddPermissionRuleCommand.behavior(behavior), rule, true);
        }
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(
                PATH,
                ctx -> ctx.json(Map.of(
                        "items",
                        rules.listOwn(caller(ctx)).stream().map(RuleView::of).toList())),
                Access.USER);
        routes.post(
                PATH,
                ctx -> {
                    AddBody body = Json.body(ctx, AddBody.class);
                    PermissionRule added = rules.addOwn(caller(ctx), body.command(), client(ctx));
                    ctx.status(201).json(RuleView.of(added));
                },
                Access.USER);
        routes.delete(
                PATH + RuleIdParam.PATH,
                ctx -> {
                    PermissionRuleId id = RuleIdParam.of(ctx, "no such rule of yours");
                    rules.removeOwn(caller(ctx), id, client(ctx));
                    ctx.status(204);
                },
                Access.USER);
    }
}
