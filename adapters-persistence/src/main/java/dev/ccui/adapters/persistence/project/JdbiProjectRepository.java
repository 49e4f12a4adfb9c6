package dev.ccui.adapters.persistence.project;

import static dev.ccui.adapters.persistence.db.Rows.flag;
import static dev.ccui.adapters.persistence.db.Rows.instant;
import static dev.ccui.adapters.persistence.db.Rows.millis;

import dev.ccui.application.project.port.out.ProjectRepository;
import dev.ccui.domain.project.Project;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.project.ProjectOverview;
import dev.ccui.domain.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.Update;

public final class JdbiProjectRepository implements ProjectRepository {
    private static final String COLUMNS =
            "id, path, name, starred, archived, removed, discovered, owner_id, created_at, updated_at, parent_id";
    private static final String VALUES =
            ":id, :path, :name, :starred, :archived, :removed, :discovered, :ownerId, :createdAt, :updatedAt, :parentId";

    /**
     * Projects with their figures, counted once per project in a derived table (rather than
     * joining every session row to the project row). Hidden sessions count for nothing.
     */
    private static final String OVERVIEW =
            "SELECT p.id, p.path, p.name, p.starred, p.archived, p.removed, p.discovered, "
                    + "p.owner_id, p.created_at, p.updated_at, p.parent_id, COALESCE(f.session_count, 0) AS session_count, f.last_activity_at, "
                    + "COALESCE(f.archived_count, 0) AS archived_count "
                    + "FROM projects p LEFT JOIN (SELECT project_id, COUNT(*) AS session_count, "
                    + "MAX(last_activity_at) AS last_activity_at, "
                    + "SUM(CASE WHEN archived_at IS NULL THEN 0 ELSE 1 END) AS archived_count "
                    + "FROM sessions WHERE hidden = 0 GROUP BY project_id) f "
                    + "ON f.project_id = p.id ";

    private final Jdbi jdbi;

    public JdbiProjectRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public boolean insert(Project project) {
        return jdbi.withHandle(h -> bind(
                                h.createUpdate("INSERT INTO projects (" + COLUMNS + ") VALUES (" + VALUES
                                        + ") ON CONFLICT DO NOTHING"),
                                project)
                        .execute())
                == 1;
    }

    @Override
    public Optional<Project> findById(ProjectId id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM projects WHERE id = :id")
                .bind("id", id.toString())
                .map(JdbiProjectRepository::map)
                .findOne());
    }

    @Override
    public Optional<Project> findByPath(String path) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM projects WHERE path = :path")
                .bind("path", path)
                .map(JdbiProjectRepository::map)
                .findOne());
    }

    @Override
    public void update(Project project) {
        jdbi.useHandle(h -> bind(
                        h.createUpdate("UPDATE projects SET path = :path, name = :name, starred = :starred, "
                                + "archived = :archived, removed = :removed, discovered = :discovered, owner_id = :ownerId, "
                                + "updated_at = :updatedAt, parent_id = :parentId WHERE id = :id"),
                        project)
                .execute());
    }

    @Override
    public List<ProjectOverview> overview(UserId visibleTo) {
        return jdbi.withHandle(h -> {
            var query = h.createQuery(OVERVIEW + "WHERE p.removed = 0 " + visibleClause(visibleTo)
                    + "ORDER BY p.starred DESC, f.last_activity_at DESC NULLS LAST, LOWER(p.name), p.id");
            if (visibleTo != null) {
                query.bind("user", visibleTo.toString());
            }
            return query.map(JdbiProjectRepository::mapOverview).list();
        });
    }

    /** Without the sessions' counts: a search only needs which projects it may look in. */
    @Override
    public List<Project> visible(UserId visibleTo) {
        return jdbi.withHandle(h -> {
            var query = h.createQuery("SELECT " + COLUMNS + " FROM projects p WHERE p.removed = 0 "
                    + visibleClause(visibleTo) + "ORDER BY p.path");
            if (visibleTo != null) {
                query.bind("user", visibleTo.toString());
            }
            return query.map(JdbiProjectRepository::map).list();
        });
    }

    /** The projects {@code visibleTo} owns or is a member of (bound as {@code :user}); all when null. */
    private static String visibleClause(UserId visibleTo) {
        return visibleTo == null
                ? ""
                : "AND (p.owner_id = :user OR EXISTS (SELECT 1 FROM project_members m "
                        + "WHERE m.project_id = p.id AND m.user_id = :user)) ";
    }

    /** Also finds a removed project: the caller decides what removal means for it. */
    @Override
    public Optional<ProjectOverview> overview(ProjectId id) {
        return jdbi.withHandle(h -> h.createQuery(OVERVIEW + "WHERE p.id = :id")
                .bind("id", id.toString())
                .map(JdbiProjectRepository::mapOverview)
                .findOne());
    }

    @Override
    public void addMember(ProjectId project, UserId user) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO project_members (project_id, user_id) VALUES (:project, :user) "
                        + "ON CONFLICT DO NOTHING")
                .bind("project", project.toString())
                .bind("user", user.toString())
                .execute());
    }

    @Override
    public void removeMember(ProjectId project, UserId user) {
        jdbi.useHandle(
                h -> h.createUpdate("DELETE FROM project_members WHERE project_id = :project AND user_id = :user")
                        .bind("project", project.toString())
                        .bind("user", user.toString())
                        .execute());
    }

    @Override
    public List<UserId> members(ProjectId project) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT user_id FROM project_members WHERE project_id = :project " + "ORDER BY user_id")
                .bind("project", project.toString())
                .map((rs, ctx) -> new UserId(UUID.fromString(rs.getString("user_id"))))
                .list());
    }

    @Override
    public boolean isMember(ProjectId project, UserId user) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM project_members "
                                + "WHERE project_id = :project AND user_id = :user")
                        .bind("project", project.toString())
                        .bind("user", user.toString())
                        .mapTo(Long.class)
                        .one())
                > 0;
    }

    @Override
    public List<Project> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM projects ORDER BY path")
                .map(JdbiProjectRepository::map)
                .list());
    }

    @Override
    public List<Project> worktreesOf(ProjectId parent) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM projects WHERE parent_id = :parent")
                .bind("parent", parent.toString())
                .map(JdbiProjectRepository::map)
                .list());
    }

    @Override
    public Map<ProjectId, Set<UserId>> allMembers() {
        Map<ProjectId, Set<UserId>> result = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT project_id, user_id FROM project_members")
                .map((rs, ctx) -> Map.entry(
                        ProjectId.parse(rs.getString("project_id")).orElseThrow(),
                        new UserId(UUID.fromString(rs.getString("user_id")))))
                .forEach(e ->
                        result.computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(e.getValue())));
        return result;
    }

    private static Update bind(Update update, Project project) {
        return update.bind("id", project.id().toString())
                .bind("path", project.path())
                .bind("name", project.name())
                .bind("starred", flag(project.starred()))
                .bind("archived", flag(project.archived()))
                .bind("removed", flag(project.removed()))
                .bind("discovered", flag(project.discovered()))
                .bind(
                        "ownerId",
                        project.ownerId() == null ? null : project.ownerId().toString())
                .bind("createdAt", millis(project.createdAt()))
                .bind("updatedAt", millis(project.updatedAt()))
                .bind(
                        "parentId",
                        project.parentId() == null ? null : project.parentId().toString());
    }

    private static Project map(ResultSet rs, StatementContext ctx) throws SQLException {
        String owner = rs.getString("owner_id");
        String parent = rs.getString("parent_id");
        return new Project(
                new ProjectId(UUID.fromString(rs.getString("id"))),
                rs.getString("path"),
                rs.getString("name"),
                flag(rs, "starred"),
                flag(rs, "archived"),
                flag(rs, "removed"),
                flag(rs, "discovered"),
                owner == null ? null : new UserId(UUID.fromString(owner)),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                parent == null ? null : new ProjectId(UUID.fromString(parent)));
    }

    private static ProjectOverview mapOverview(ResultSet rs, StatementContext ctx) throws SQLException {
        return new ProjectOverview(
                map(rs, ctx),
                rs.getLong("session_count"),
                instant(rs, "last_activity_at"),
                rs.getLong("archived_count"));
    }
}
