package dev.ccui.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The answers on the port while the application is built, and the hand-over: the real server binds
 * the port beside it, and once it stops every connection reaches the real one.
 */
class StartingServerTest {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyRequestIsAnsweredStartingWithRetryAfterAndHealthSaysSo() throws Exception {
        try (StartingServer starting = StartingServer.listen("127.0.0.1", 0)) {
            HttpResponse<String> health = get(starting.port(), "/api/health?x=1");
            HttpResponse<String> other = get(starting.port(), "/api/projects");

            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).isEqualTo("{\"status\":\"starting\"}");
            assertThat(other.statusCode()).isEqualTo(503);
            assertThat(other.body()).contains("\"code\":\"STARTING\"");
            for (HttpResponse<String> answer : new HttpResponse[] {health, other}) {
                assertThat(answer.headers().firstValue("Retry-After")).contains("1");
                assertThat(answer.headers().firstValue("Cache-Control")).contains("no-store");
                assertThat(answer.headers().firstValue("Content-Type")).contains("application/json");
                assertThat(answer.headers().firstValue("X-Content-Type-Options"))
                        .contains("nosniff");
            }
        }
    }

    @Test
    void aHeadRequestGetsTheHeadAloneAndGarbageOrAHugeHeadStillGetsAnAnswer() throws Exception {
        try (StartingServer starting = StartingServer.listen("127.0.0.1", 0)) {
            String head = exchange(starting.port(), "HEAD /api/health HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(head).startsWith("HTTP/1.1 503 ").endsWith("\r\n\r\n");

            String garbage = exchange(starting.port(), "\u0000\u0001 nonsense\r\n\r\n");
            assertThat(garbage).startsWith("HTTP/1.1 503 ").contains("STARTING");

            String huge = exchange(starting.port(), "GET /" + "a".repeat(40_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(huge).startsWith("HTTP/1.1 503 ");
        }
    }

    @Test
    void aTakenPortIsRefusedButTheRealServerBindsBesideItAndTakesOver() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            assertThatThrownBy(() -> StartingServer.listen("127.0.0.1", taken.getLocalPort()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }

        StartingServer starting = StartingServer.listen("127.0.0.1", 0);
        try (ServerSocketChannel real = ServerSocketChannel.open()) {
            real.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            real.bind(new InetSocketAddress("127.0.0.1", starting.port()));
            starting.close();
            // Every connection from now on is the real server's.
            for (int i = 0; i < 5; i++) {
                try (Socket client = new Socket("127.0.0.1", starting.port());
                        SocketChannel accepted = real.accept()) {
                    assertThat(accepted.getRemoteAddress()).isEqualTo(client.getLocalSocketAddress());
                }
            }
        }
    }

    /** Sends raw bytes, reads the answer until the server closes. */
    private static String exchange(int port, String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
