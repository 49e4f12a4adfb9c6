package dev.ccui.adapters.process.push;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A push service on 127.0.0.1 for tests: it keeps every message it is sent (path, headers, body)
 * and answers with the status a test chooses, so nothing ever leaves loopback.
 */
public final class LoopbackPushService implements AutoCloseable {
    private final HttpServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final AtomicInteger status = new AtomicInteger(201);

    /** One message as the push service got it. */
    public record Received(String path, Map<String, List<String>> headers, byte[] body) {
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst())
                    .findFirst()
                    .orElse(null);
        }
    }

    public LoopbackPushService() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(
                    new Received(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()), body));
            int answer = status.get();
            if (answer == 302) {
                exchange.getResponseHeaders().add("Location", "http://127.0.0.1:1/elsewhere");
            }
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.start();
    }

    /** An endpoint URL of this service; {@code name} tells subscriptions apart. */
    public String endpoint(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/push/" + name;
    }

    public void answerWith(int statusCode) {
        status.set(statusCode);
    }

    /** The next message, waiting at most {@code timeout}; {@code null} if none came. */
    public Received next(Duration timeout) throws InterruptedException {
        return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Every message that came to {@code path} until {@code deadline}, without waiting further. */
    public List<Received> drained() {
        var all = new java.util.ArrayList<Received>();
        received.drainTo(all);
        return all;
    }

    /** Waits until a message for {@code name}'s endpoint arrives (others are kept aside); {@code null} at the deadline. */
    public Received awaitFor(String name, Duration timeout, List<Received> others) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Received next = received.poll(100, TimeUnit.MILLISECONDS);
            if (next == null) {
                continue;
            }
            if (next.path().equals("/push/" + name)) {
                return next;
            }
            others.add(next);
        }
        return null;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
