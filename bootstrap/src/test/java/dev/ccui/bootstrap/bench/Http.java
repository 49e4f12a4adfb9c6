package dev.ccui.bootstrap.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccui.bootstrap.testing.ApiClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** HTTP/1.1 on loopback for the benchmark (both apps speak it; the JDK's default would try an h2c upgrade). */
final class Http {
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;

    Http(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    String base() {
        return base;
    }

    HttpResponse<String> get(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), token);
    }

    HttpResponse<String> post(String path, String json, String token) {
        return send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)),
                token);
    }

    /** A JSON answer that must be 2xx. */
    JsonNode json(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(
                    response.request().uri().getPath() + " answered " + response.statusCode() + ": " + response.body());
        }
        return ApiClient.json(response.body());
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return client.send(request.timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What one probe saw: when the connection was accepted ({@link System#nanoTime()}, -1: refused) and the HTTP status (-1: none). */
    record Probe(long acceptedAt, int status) {}

    /**
     * Sends {@code GET path} on a fresh connection. Raw sockets: a refused connection costs
     * microseconds, so polling stays tight.
     */
    static Probe probe(int port, String path) {
        long accepted = -1;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            accepted = System.nanoTime();
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder status = new StringBuilder();
            for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
                status.append((char) c);
            }
            String[] parts = status.toString().split(" ");
            return new Probe(accepted, parts.length > 1 ? Integer.parseInt(parts[1]) : -1);
        } catch (IOException | NumberFormatException e) {
            return new Probe(accepted, -1);
        }
    }
}
