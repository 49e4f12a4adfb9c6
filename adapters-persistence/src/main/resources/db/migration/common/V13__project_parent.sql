-- A linked git worktree is a project of its own, shown under the project whose repository it
-- belongs to (issue 16). Its git runs with the parent's shared .git folder, so who may use it is
-- decided by the parent too. NULL for every other project.
ALTER TABLE projects ADD COLUMN parent_id VARCHAR(36) REFERENCES projects (id) ON DELETE SET NULL;
CREATE INDEX projects_parent ON projects (parent_id);
