-- Issue 12: what an account may do beyond its projects, set by admins. Comma-separated wire
-- names (terminal, bypassPermissions). Members start without any; admins that exist now keep
-- what they could do (both).
ALTER TABLE users ADD COLUMN capabilities VARCHAR(200) NOT NULL DEFAULT '';
UPDATE users SET capabilities = 'bypassPermissions,terminal' WHERE role = 'admin';
