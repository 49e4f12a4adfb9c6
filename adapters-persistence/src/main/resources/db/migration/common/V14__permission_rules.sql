-- Issue 15. Saved allow and deny rules of a project, in the CLI's syntax (Bash(npm test:*), Read,
-- Edit(src/**)), given to every run there as --allowedTools / --disallowedTools. user_id NULL: the
-- project's own rule (for everyone's runs); otherwise one person's (only their runs). Instants are
-- epoch milliseconds, as in V1. A removed project's rules go with it.
CREATE TABLE permission_rules (
    id         VARCHAR(36)  NOT NULL PRIMARY KEY,
    project_id VARCHAR(36)  NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    user_id    VARCHAR(36),
    behavior   VARCHAR(8)   NOT NULL,
    rule       VARCHAR(320) NOT NULL,
    created_by VARCHAR(36),
    created_at BIGINT       NOT NULL
);
CREATE INDEX permission_rules_project ON permission_rules (project_id, created_at);
