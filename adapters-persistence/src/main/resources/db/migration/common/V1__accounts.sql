-- Accounts, API keys and issued session tokens. Instants are epoch milliseconds and flags are
-- 0/1 integers so that the same SQL runs on SQLite and PostgreSQL.
CREATE TABLE users (
    id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    username      VARCHAR(64)  NOT NULL UNIQUE,
    role          VARCHAR(16)  NOT NULL,
    disabled      INTEGER      NOT NULL DEFAULT 0,
    password_hash VARCHAR(200) NOT NULL,
    created_at    BIGINT       NOT NULL,
    updated_at    BIGINT       NOT NULL,
    last_login_at BIGINT
);

CREATE TABLE api_keys (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    user_id      VARCHAR(36)  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         VARCHAR(100) NOT NULL,
    prefix       VARCHAR(20)  NOT NULL UNIQUE,
    secret_hash  VARCHAR(64)  NOT NULL,
    scopes       VARCHAR(200) NOT NULL,
    created_at   BIGINT       NOT NULL,
    last_used_at BIGINT
);
CREATE INDEX api_keys_user ON api_keys (user_id);

-- Every token issued, so that one can be revoked before it expires (the "revoked tokens").
CREATE TABLE auth_tokens (
    jti        VARCHAR(64) NOT NULL PRIMARY KEY,
    user_id    VARCHAR(36) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    issued_at  BIGINT      NOT NULL,
    expires_at BIGINT      NOT NULL,
    revoked_at BIGINT
);
CREATE INDEX auth_tokens_user ON auth_tokens (user_id);
CREATE INDEX auth_tokens_expiry ON auth_tokens (expires_at);
