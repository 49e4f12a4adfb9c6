package dev.ccui.adapters.persistence.redis;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** Two connections playing two app nodes on the real Redis, in a namespace of their own per test. */
abstract class TwoRedisNodes {
    protected String namespace;
    protected RedisConnection nodeA;
    protected RedisConnection nodeB;

    @BeforeAll
    static void redisIsRunning() throws Exception {
        TestRedis.startServer();
    }

    @BeforeEach
    void connect() {
        namespace = TestRedis.uniqueNamespace();
        nodeA = TestRedis.connect(namespace);
        nodeB = TestRedis.connect(namespace);
    }

    @AfterEach
    void close() {
        TestRedis.deleteNamespace(nodeA, namespace);
        nodeA.close();
        nodeB.close();
    }
}
