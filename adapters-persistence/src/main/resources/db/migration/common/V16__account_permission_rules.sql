-- Issue 15. One person's saved allow and deny rules for all their projects (account-wide), in the
-- CLI's syntax as in V14's permission_rules; every run the person starts, in any project, gets them
-- with the project's rules. Kept apart from permission_rules, whose project_id is NOT NULL (SQLite
-- cannot relax that without copying the table). The person's rules go with their account.
CREATE TABLE account_permission_rules (
    id         VARCHAR(36)  NOT NULL PRIMARY KEY,
    user_id    VARCHAR(36)  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    behavior   VARCHAR(8)   NOT NULL,
    rule       VARCHAR(320) NOT NULL,
    created_at BIGINT       NOT NULL
);
CREATE INDEX account_permission_rules_user ON account_permission_rules (user_id, created_at);
