package dev.ccui.adapters.http.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Serves the built browser UI from the classpath. Hashed assets are cached for a year, the
 * page itself and the service worker never; the {@code .br}/{@code .gz} files made at build time are sent to browsers
 * that accept them. Paths without a file extension get the page (client-side routes).
 */
public final class StaticUi {
    private static final Pattern SAFE_PATH = Pattern.compile("(/[A-Za-z0-9._-]+)+");
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("webmanifest", "application/manifest+json"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("map", "application/json"));
    private static final byte[] MISSING = new byte[0];

    private final String root;
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    public StaticUi(String root) {
        this.root = root.startsWith("/") ? root : "/" + root;
    }

    /** Answers the request from the UI files; false when it is not a UI request or nothing matches. */
    public boolean serve(Context ctx) {
        if (ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD) {
            return false;
        }
        String path = ctx.path();
        if (path.startsWith("/api/") || path.equals("/api") || path.startsWith("/ws")) {
            return false;
        }
        if (path.equals("/") || path.isEmpty()) {
            path = "/index.html";
        }
        if (!SAFE_PATH.matcher(path).matches() || path.contains("..")) {
            return false;
        }
        Optional<byte[]> body = resource(path);
        if (body.isEmpty()) {
            if (extension(path).isPresent()) {
                return false;
            }
            path = "/index.html";
            body = resource(path);
            if (body.isEmpty()) {
                return false;
            }
        }
        send(ctx, path, body.get());
        return true;
    }

    private void send(Context ctx, String path, byte[] plain) {
        String type = extension(path).map(TYPES::get).orElse("application/octet-stream");
        boolean hashed = path.startsWith("/assets/");
        // The page and the service worker are revalidated every time: they decide which assets run.
        boolean entry = path.equals("/index.html") || path.equals("/sw.js");
        ctx.header(
                "Cache-Control",
                entry ? "no-cache" : hashed ? "public, max-age=31536000, immutable" : "public, max-age=3600");
        ctx.contentType(type);
        String accepted = Optional.ofNullable(ctx.header("Accept-Encoding")).orElse("");
        byte[] body = plain;
        if (accepted.contains("br") && resource(path + ".br").isPresent()) {
            body = resource(path + ".br").get();
            ctx.header("Content-Encoding", "br");
        } else if (accepted.contains("gzip") && resource(path + ".gz").isPresent()) {
            body = resource(path + ".gz").get();
            ctx.header("Content-Encoding", "gzip");
        }
        ctx.disableCompression();
        ctx.status(200).result(body);
    }

    private Optional<byte[]> resource(String path) {
        // Only files that exist are cached: random paths must not grow the map.
        byte[] bytes = cache.get(path);
        if (bytes == null) {
            bytes = load(path);
            if (bytes != MISSING) {
                cache.put(path, bytes);
            }
        }
        return bytes == MISSING ? Optional.empty() : Optional.of(bytes);
    }

    private byte[] load(String path) {
        try (InputStream in = StaticUi.class.getResourceAsStream(root + path)) {
            return in == null ? MISSING : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> extension(String path) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        return dot > slash ? Optional.of(path.substring(dot + 1)) : Optional.empty();
    }
}
