package dev.ccui.domain.audit;

/** What was done; {@link #code()} is the stable name stored and shown. */
public enum AuditAction {
    SETUP("auth.setup"),
    LOGIN("auth.login"),
    LOGIN_FAILED("auth.login_failed"),
    LOGOUT("auth.logout"),
    /** A validly signed token whose id belongs to another user: the signing secret has leaked. */
    TOKEN_FORGED("auth.token_forged"),
    PASSWORD_CHANGED("auth.password_changed"),
    USER_CREATED("user.created"),
    USER_UPDATED("user.updated"),
    USER_DELETED("user.deleted"),
    PASSWORD_RESET("user.password_reset"),
    SESSIONS_REVOKED_ALL("auth.sessions_revoked_all"),
    API_KEY_CREATED("api_key.created"),
    API_KEY_REVOKED("api_key.revoked"),
    PROJECT_REGISTERED("project.registered"),
    PROJECT_CREATED("project.created"),
    PROJECT_CLONED("project.cloned"),
    PROJECT_UPDATED("project.updated"),
    PROJECT_REMOVED("project.removed"),
    PROJECT_SHARED("project.shared"),
    PROJECT_UNSHARED("project.unshared"),
    SESSION_RENAMED("session.renamed"),
    SESSION_HIDDEN("session.hidden"),
    FILE_CREATED("file.created"),
    FILE_WRITTEN("file.written"),
    FILE_DELETED("file.deleted"),
    FILE_MOVED("file.moved"),
    FILE_UPLOADED("file.uploaded"),
    GIT_STAGED("git.staged"),
    GIT_UNSTAGED("git.unstaged"),
    GIT_COMMITTED("git.committed"),
    GIT_CHECKED_OUT("git.checked_out"),
    GIT_BRANCH_CREATED("git.branch_created"),
    GIT_BRANCH_DELETED("git.branch_deleted"),
    GIT_BRANCH_RENAMED("git.branch_renamed"),
    GIT_DISCARDED("git.discarded"),
    GIT_STASHED("git.stashed"),
    GIT_STASH_APPLIED("git.stash_applied"),
    GIT_STASH_DROPPED("git.stash_dropped"),
    GIT_FETCHED("git.fetched"),
    GIT_PULLED("git.pulled"),
    GIT_PUSHED("git.pushed"),
    GIT_WORKTREE_CREATED("git.worktree_created"),
    GIT_WORKTREE_REMOVED("git.worktree_removed"),
    TERMINAL_OPENED("terminal.opened"),
    MCP_SERVER_ADDED("mcp.server_added"),
    MCP_SERVER_REMOVED("mcp.server_removed"),
    USER_MEMORY_WRITTEN("memory.user_written"),
    RUN_STARTED("run.started"),
    RUN_STOPPED("run.stopped"),
    PERMISSION_DECIDED("permission.decided"),
    /** A saved allow or deny rule of a project (its own or one person's) was added or removed. */
    PERMISSION_RULE_ADDED("permission.rule_added"),
    PERMISSION_RULE_REMOVED("permission.rule_removed"),
    /** A message was queued behind a running turn, edited, removed, sent first ("send now") or dropped. */
    QUEUE_CHANGED("run.queue_changed"),
    MAINTENANCE_CHANGED("maintenance.changed"),
    /** A capability or API-key scope was missing (terminal, bypassPermissions). */
    CAPABILITY_REFUSED("access.capability_refused");

    private final String code;

    AuditAction(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static AuditAction fromCode(String code) {
        for (AuditAction action : values()) {
            if (action.code.equals(code)) {
                return action;
            }
        }
        throw new IllegalArgumentException("unknown audit action " + code);
    }
}
