CREATE TABLE audit_log (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at             BIGINT       NOT NULL,
    actor_user_id  VARCHAR(36),
    actor_username VARCHAR(64),
    action         VARCHAR(64)  NOT NULL,
    target         VARCHAR(500),
    ip             VARCHAR(64),
    success        INTEGER      NOT NULL,
    detail         VARCHAR(500)
);
CREATE INDEX audit_log_at ON audit_log (at);
