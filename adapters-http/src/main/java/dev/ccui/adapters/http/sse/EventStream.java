package dev.ccui.adapters.http.sse;

import dev.ccui.adapters.http.json.Json;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A server-sent events answer: {@link #open} commits the {@code 200} and the headers that keep
 * proxies and compression from holding frames back; every frame is flushed at once. A write fails
 * with {@link IOException} once the client has gone, which is how a stream learns it.
 */
public final class EventStream {
    private final OutputStream out;

    private EventStream(OutputStream out) {
        this.out = out;
    }

    /** Whether the request asks for a stream ({@code Accept: text/event-stream}). */
    public static boolean wanted(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.contains("text/event-stream");
    }

    public static EventStream open(Context ctx) throws IOException {
        // Compression would hold small frames back until its buffer fills.
        ctx.disableCompression();
        ctx.status(200);
        ctx.res().setContentType("text/event-stream;charset=utf-8");
        ctx.res().setHeader("Cache-Control", "no-cache");
        ctx.res().setHeader("X-Accel-Buffering", "no");
        return new EventStream(ctx.res().getOutputStream());
    }

    /** One {@code event:} frame whose {@code data:} is {@code data} as JSON. */
    public void event(String name, Object data) throws IOException {
        write("event: " + name + "\ndata: " + Json.MAPPER.writeValueAsString(data) + "\n\n");
    }

    /** A frame with an {@code id:}, which a client reconnecting sends back as {@code Last-Event-ID}. */
    public void event(long id, String name, Object data) throws IOException {
        write("id: " + id + "\nevent: " + name + "\ndata: " + Json.MAPPER.writeValueAsString(data) + "\n\n");
    }

    /** A comment line ({@code : text}): clients ignore it; it keeps the connection and tells whether the client is there. */
    public void comment(String text) throws IOException {
        write(": " + text + "\n\n");
    }

    private void write(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
