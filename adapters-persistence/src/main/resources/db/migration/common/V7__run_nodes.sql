-- Several nodes share one database: each run records the node whose CLI process it is, and each
-- node beats here so the others can tell when it is gone. Runs from before this have no node.
ALTER TABLE runs ADD COLUMN node_id VARCHAR(64);
CREATE INDEX runs_node ON runs (node_id);

-- heartbeat_at is epoch milliseconds, as elsewhere.
CREATE TABLE app_nodes (
    id           VARCHAR(64) NOT NULL PRIMARY KEY,
    heartbeat_at BIGINT      NOT NULL
);
