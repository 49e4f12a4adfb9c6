package dev.ccui.adapters.http.security;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Gives every request an id: a well-formed incoming {@code X-Request-Id} (from nginx or the
 * caller) is kept so one id follows a request across hops, anything else is replaced. The id is
 * on the response and in the MDC of every log line written for the request.
 */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final String ATTRIBUTE = "ccui.requestId";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{8,128}");

    private RequestIds() {}

    public static void assign(Context ctx) {
        String incoming = ctx.header(HEADER);
        String id = incoming != null && ACCEPTED.matcher(incoming).matches() ? incoming : fresh();
        MDC.remove(Authentication.MDC_USER);
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
        MDC.put(MDC_KEY, id);
    }

    /**
     * A random version-4-shaped UUID from the thread's fast generator: a request id must be unique,
     * not unguessable, and {@code UUID.randomUUID()} takes the shared {@code SecureRandom} on
     * every request.
     */
    static String fresh() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    public static String current(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id == null ? "unknown" : id;
    }

    public static void clear() {
        MDC.remove(MDC_KEY);
        MDC.remove(Authentication.MDC_USER);
    }
}
