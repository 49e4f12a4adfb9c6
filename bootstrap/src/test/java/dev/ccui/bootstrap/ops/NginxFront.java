package dev.ccui.bootstrap.ops;

import static dev.ccui.bootstrap.ops.OpsTools.figure;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real nginx running the project's config ({@code ops/nginx/render.sh}) for the given upstream
 * nodes, TLS on loopback with a throwaway certificate, its logs under {@code prefix/logs}.
 */
final class NginxFront implements AutoCloseable {
    private final Process nginx;
    private final Path prefix;
    private final int httpPort;
    private final int httpsPort;
    private final HttpClient tls;

    private NginxFront(Process nginx, Path prefix, int httpPort, int httpsPort, HttpClient tls) {
        this.nginx = nginx;
        this.prefix = prefix;
        this.httpPort = httpPort;
        this.httpsPort = httpsPort;
        this.tls = tls;
    }

    /** Renders the config for {@code upstreams} ({@code host:port} each) and starts nginx on it. */
    static NginxFront start(Path prefix, List<String> upstreams) throws Exception {
        return start(prefix, upstreams, Map.of());
    }

    /** As {@link #start(Path, List)} with more of render.sh's settings (e.g. {@code API_RATE}). */
    static NginxFront start(Path prefix, List<String> upstreams, Map<String, String> settings) throws Exception {
        assertThat(OpsTools.onPath("nginx")).as("nginx is installed").isTrue();
        for (String dir : List.of("conf", "logs", "tmp", "acme")) {
            Files.createDirectories(prefix.resolve(dir));
        }
        var cert = OpsTools.run(
                List.of(
                        "openssl",
                        "req",
                        "-x509",
                        "-newkey",
                        "rsa:2048",
                        "-nodes",
                        "-days",
                        "1",
                        "-subj",
                        "/CN=localhost",
                        "-addext",
                        "subjectAltName=DNS:localhost,IP:127.0.0.1",
                        "-keyout",
                        prefix.resolve("key.pem").toString(),
                        "-out",
                        prefix.resolve("cert.pem").toString()),
                60);
        assertThat(cert.exit()).as(cert.output()).isZero();
        int httpPort = OpsTools.freePort();
        int httpsPort = OpsTools.freePort();
        Map<String, String> env = new HashMap<>();
        env.put("SERVER_NAME", "localhost");
        env.put("TLS_CERT", prefix.resolve("cert.pem").toString());
        env.put("TLS_KEY", prefix.resolve("key.pem").toString());
        env.put("UPSTREAMS", String.join(" ", upstreams));
        env.put("LISTEN_HTTP", "127.0.0.1:" + httpPort);
        env.put("LISTEN_HTTPS", "127.0.0.1:" + httpsPort);
        env.put("ACCESS_LOG", prefix.resolve("logs/access.log").toString());
        env.put("ERROR_LOG", prefix.resolve("logs/error.log").toString());
        env.put("RESOLVER", "127.0.0.1");
        env.put("ACME_ROOT", prefix.resolve("acme").toString());
        env.put("PID_FILE", prefix.resolve("logs/nginx.pid").toString());
        env.put("MIME_TYPES", "/etc/nginx/mime.types");
        env.put("TEMP_DIR", prefix.resolve("tmp").toString());
        env.put("SITE_CONF", prefix.resolve("conf/ccui.conf").toString());
        env.putAll(settings);
        var render = OpsTools.run(
                List.of(
                        "bash",
                        OpsTools.opsDir().resolve("nginx/render.sh").toString(),
                        prefix.resolve("conf").toString()),
                env,
                30);
        assertThat(render.exit()).as(render.output()).isZero();
        figure(render.output().strip());
        // As root, nginx would hand the workers to "nobody", who cannot enter the temp folder.
        String globals = "daemon off; " + ("root".equals(System.getProperty("user.name")) ? "user root root; " : "");
        List<String> command = List.of(
                "nginx",
                "-p",
                prefix.toString(),
                "-e",
                prefix.resolve("logs/error.log").toString(),
                "-c",
                prefix.resolve("conf/nginx.conf").toString(),
                "-g",
                globals);
        List<String> check = new java.util.ArrayList<>(command);
        check.add("-t");
        var test = OpsTools.run(check, 30);
        test.output().lines().forEach(line -> figure("nginx -t: " + line));
        assertThat(test.exit()).as(test.output()).isZero();
        Process nginx = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(prefix.resolve("logs/stdout.log").toFile())
                .start();
        OpsTools.awaitPort(httpsPort, 10_000);
        OpsTools.awaitPort(httpPort, 10_000);
        HttpClient tls = HttpClient.newBuilder()
                .sslContext(OpsTools.trustAll("TLS"))
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        return new NginxFront(nginx, prefix, httpPort, httpsPort, tls);
    }

    /** {@code https://127.0.0.1:port}, nginx's TLS side. */
    String base() {
        return "https://127.0.0.1:" + httpsPort;
    }

    int httpPort() {
        return httpPort;
    }

    int httpsPort() {
        return httpsPort;
    }

    /** A client that trusts the throwaway certificate (and follows no redirect). */
    HttpClient client() {
        return tls;
    }

    Path accessLog() {
        return prefix.resolve("logs/access.log");
    }

    /** Stops nginx (SIGTERM: the master stops its workers) and prints the last lines of its logs. */
    @Override
    public void close() throws Exception {
        nginx.destroy();
        if (!nginx.waitFor(10, TimeUnit.SECONDS)) {
            nginx.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        for (String log : List.of("logs/error.log", "logs/access.log")) {
            Path file = prefix.resolve(log);
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file);
                lines.subList(Math.max(0, lines.size() - 5), lines.size()).forEach(l -> figure(log + ": " + l));
            }
        }
    }
}
