-- Issue 15, Web Push. The server's VAPID key pair, made once (one row, id 1): browsers bind their
-- subscriptions to its public key, so it must outlive restarts and be the same on every node.
-- The private key is PKCS#8 DER in base64; it is read by the server only, never returned.
CREATE TABLE push_vapid_keys (
    id          INTEGER NOT NULL PRIMARY KEY,
    public_key  TEXT    NOT NULL,
    private_key TEXT    NOT NULL,
    created_at  BIGINT  NOT NULL
);

-- One browser on one device per row; a browser that subscribes again renews its keys.
CREATE TABLE push_subscriptions (
    id         VARCHAR(36)  NOT NULL PRIMARY KEY,
    user_id    VARCHAR(36)  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    endpoint   TEXT         NOT NULL,
    p256dh     VARCHAR(200) NOT NULL,
    auth       VARCHAR(200) NOT NULL,
    device     VARCHAR(100),
    created_at BIGINT       NOT NULL,
    CONSTRAINT push_subscriptions_endpoint UNIQUE (user_id, endpoint)
);

-- Which topics a user chose (comma-separated wire names); no row: the defaults.
CREATE TABLE push_preferences (
    user_id VARCHAR(36)  NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    topics  VARCHAR(200) NOT NULL
);
