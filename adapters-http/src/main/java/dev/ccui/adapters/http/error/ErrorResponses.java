package dev.ccui.adapters.http.error;

import dev.ccui.adapters.http.security.RequestIds;
import dev.ccui.domain.error.CcuiException;
import dev.ccui.domain.error.ConflictException;
import dev.ccui.domain.error.ForbiddenException;
import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.error.NotFoundException;
import dev.ccui.domain.error.PayloadTooLargeException;
import dev.ccui.domain.error.TooManyRequestsException;
import dev.ccui.domain.error.UnauthorizedException;
import dev.ccui.domain.error.UnavailableException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP answers: {@code {"error":{code, message, requestId}}}
 * with the right status. Unexpected exceptions are logged with their stack trace and answered
 * with a generic message; neither a trace nor a class name ever reaches the client.
 */
public final class ErrorResponses {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

    private ErrorResponses() {}

    /** What a failure answers: its status, the headers it sets and its JSON body. */
    public record Answer(int status, Map<String, String> headers, Map<String, Object> body) {}

    public static void handle(Exception exception, Context ctx) {
        send(answer(exception, ctx), ctx);
    }

    /**
     * The answer to {@code exception}, for a caller that sends it itself (the {@code error} event of a
     * stream already open); an unexpected one is logged here, as {@link #handle} does.
     */
    public static Answer answer(Exception exception, Context ctx) {
        return switch (exception) {
            case CcuiException e -> fromDomain(e, ctx);
            case HttpResponseException e -> fromJavalin(e, ctx);
            default -> unexpectedAnswer(exception, ctx);
        };
    }

    public static void unexpected(Throwable throwable, Context ctx) {
        send(unexpectedAnswer(throwable, ctx), ctx);
    }

    private static Answer unexpectedAnswer(Throwable throwable, Context ctx) {
        var storage = StorageFailures.classify(throwable);
        if (storage.isPresent()) {
            // Once per request, without the trace: an outage would otherwise bury the log in them.
            LOG.warn("{} {} failed: {}: {}", ctx.method(), ctx.path(), storage.get(), rootMessage(throwable));
            return answer(
                    ctx, 503, Map.of("Retry-After", "2"), storage.get().name(), storage.get().message, null, Map.of());
        }
        LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), throwable);
        return answer(
                ctx,
                500,
                Map.of(),
                "INTERNAL",
                "something went wrong on the server; the request id identifies it in the logs",
                null,
                Map.of());
    }

    private static String rootMessage(Throwable throwable) {
        Throwable root = throwable;
        for (int depth = 0; root.getCause() != null && depth < 16; depth++) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static Answer fromDomain(CcuiException e, Context ctx) {
        Map<String, String> headers = new LinkedHashMap<>();
        int status = switch (e) {
            case InvalidException ignored -> 400;
            case UnauthorizedException ignored -> 401;
            case ForbiddenException ignored -> 403;
            case NotFoundException ignored -> 404;
            case ConflictException ignored -> 409;
            case PayloadTooLargeException ignored -> 413;
            case TooManyRequestsException tooMany -> {
                headers.put(
                        "Retry-After",
                        Long.toString(Math.max(1, tooMany.retryAfter().toSeconds())));
                yield 429;
            }
            case UnavailableException unavailable -> {
                unavailable
                        .retryAfter()
                        .ifPresent(d -> headers.put("Retry-After", Long.toString(Math.max(1, d.toSeconds()))));
                yield 503;
            }
        };
        String field = e instanceof InvalidException invalid ? invalid.field().orElse(null) : null;
        Map<String, Object> extra =
                e instanceof ConflictException conflict && !conflict.paths().isEmpty()
                        ? Map.of("paths", conflict.paths())
                        : Map.of();
        return answer(ctx, status, headers, e.code(), e.getMessage(), field, extra);
    }

    private static Answer fromJavalin(HttpResponseException e, Context ctx) {
        int status = e.getStatus();
        return switch (status) {
            case 404 -> answer(ctx, 404, "NOT_FOUND", "no such route: " + ctx.method() + " " + ctx.path());
            case 405 -> answer(ctx, 405, "METHOD_NOT_ALLOWED", "this route does not accept " + ctx.method());
            case 413 -> answer(ctx, 413, "PAYLOAD_TOO_LARGE", "the request body is too large");
            case 400 -> answer(ctx, 400, "INVALID", "the request is malformed");
            default ->
                answer(
                        ctx,
                        status,
                        status >= 500 ? "INTERNAL" : "HTTP_" + status,
                        status >= 500 ? "the server could not answer" : "the request was refused");
        };
    }

    public static void write(Context ctx, int status, String code, String message, String field) {
        send(answer(ctx, status, Map.of(), code, message, field, Map.of()), ctx);
    }

    private static Answer answer(Context ctx, int status, String code, String message) {
        return answer(ctx, status, Map.of(), code, message, null, Map.of());
    }

    /** @param extra what the error names besides its message (the paths of a conflict) */
    private static Answer answer(
            Context ctx,
            int status,
            Map<String, String> headers,
            String code,
            String message,
            String field,
            Map<String, Object> extra) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        if (field != null) {
            error.put("field", field);
        }
        error.putAll(extra);
        error.put("requestId", RequestIds.current(ctx));
        return new Answer(status, headers, Map.of("error", error));
    }

    private static void send(Answer answer, Context ctx) {
        answer.headers().forEach(ctx::header);
        if (answer.status() == 413) {
            // The rest of a refused body is left unread, so the connection cannot carry another
            // request: said so, a client does not reuse it (the JDK client sent its next POST on
            // such a connection and got "received no bytes", which it does not retry).
            ctx.header("Connection", "close");
        }
        ctx.status(answer.status()).json(answer.body());
    }
}
