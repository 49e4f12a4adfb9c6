-- Maintenance mode, shared by every node: at most one row (id = 1). No row means never toggled (off).
-- Instants are epoch milliseconds, as in V1; the admin's name is kept so the row outlives the account.
CREATE TABLE maintenance_mode (
    id               INTEGER      NOT NULL PRIMARY KEY,
    enabled          INTEGER      NOT NULL,
    message          VARCHAR(500),
    since            BIGINT       NOT NULL,
    changed_by_id    VARCHAR(36),
    changed_by_name  VARCHAR(64),
    CONSTRAINT maintenance_mode_single_row CHECK (id = 1)
);
