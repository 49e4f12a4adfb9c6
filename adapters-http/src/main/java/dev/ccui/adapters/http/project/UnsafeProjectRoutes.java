package dev.ccui.adapters.http.project;

import static dev.ccui.adapters.http.security.Authentication.caller;

import dev.ccui.adapters.http.RouteGroup;
import dev.ccui.adapters.http.security.Access;
import dev.ccui.application.project.port.in.ProjectUseCase;
import io.javalin.config.RoutesConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /api/admin/unsafe-projects}: project rows that break the folder rules, for an admin to clear up. */
public final class UnsafeProjectRoutes implements RouteGroup {
    private final ProjectUseCase unsafe;

    public UnsafeProjectRoutes(ProjectUseCase unsafe) {
        this.unsafe = unsafe;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(
                "/api/admin/unsafe-projects",
                ctx -> {
                    List<Map<String, Object>> items = unsafe.unsafeProjects(caller(ctx)).stream()
                            .map(project -> {
                                Map<String, Object> item = new LinkedHashMap<>();
                                item.put("id", project.id().toString());
                                item.put("path", project.path());
                                item.put(
                                        "ownerId",
                                        project.ownerId() == null
                                                ? null
                                                : project.ownerId().toString());
                                item.put("reason", project.reason());
                                return item;
                            })
                            .toList();
                    ctx.json(Map.of("items", items));
                },
                Access.ADMIN);
    }
}
