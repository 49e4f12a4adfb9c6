-- Issue 16, themes and languages: how each person wants the UI, on every browser they sign in from.
-- No row: the defaults (the system's theme, the browser's language). Wire names are stored, so a
-- value a later version adds reads as the default on an older one.
CREATE TABLE user_preferences (
    user_id  VARCHAR(36) NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    theme    VARCHAR(16) NOT NULL,
    -- A BCP-47 tag of a language the UI has; NULL: the browser's.
    language VARCHAR(35)
);
