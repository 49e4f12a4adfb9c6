package dev.ccui.adapters.http.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.error.PayloadTooLargeException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/** The one JSON mapper of the HTTP adapter and the reading of request bodies. */
public final class Json {
    /**
     * Requests run on virtual threads, a new one each, so Jackson's default pool of buffers (one
     * per thread) made every response allocate its buffers afresh; a bounded pool shared by all
     * threads hands them on.
     */
    public static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .recyclerPool(JsonRecyclerPools.sharedBoundedPool())
                    .build())
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Json() {}

    /**
     * Reads the body as {@code type}; any problem becomes a 400 that names the field (or says
     * where the JSON broke), never an exception class name.
     */
    public static <T> T body(Context ctx, Class<T> type) {
        return parse(ctx.body(), type);
    }

    /**
     * Reads a body allowed to be larger than the server's usual limit (a route with a {@link
     * dev.ccui.adapters.http.BodyRule}): Javalin's own reading stops at that limit. A declared length
     * above {@code maxBytes} never gets here; a chunked body is read up to it and refused past it.
     */
    public static <T> T body(Context ctx, Class<T> type, long maxBytes) {
        byte[] bytes;
        try (InputStream in = ctx.req().getInputStream()) {
            bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
        } catch (IOException e) {
            throw new InvalidException("the request body could not be read");
        }
        if (bytes.length > maxBytes) {
            throw new PayloadTooLargeException("the request body is larger than " + maxBytes + " bytes");
        }
        return parse(new String(bytes, StandardCharsets.UTF_8), type);
    }

    private static <T> T parse(String text, Class<T> type) {
        if (text.isBlank()) {
            throw new InvalidException("a JSON body is required");
        }
        try {
            T value = MAPPER.readValue(text, type);
            if (value == null) {
                throw new InvalidException("the body must be a JSON object");
            }
            return value;
        } catch (JsonParseException e) {
            throw new InvalidException(
                    "malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr());
        } catch (JsonMappingException e) {
            String field = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            if (field.isEmpty()) {
                throw new InvalidException("the body must be a JSON object of the documented shape");
            }
            throw new InvalidException(field, "field '" + field + "' has the wrong type or format");
        } catch (JsonProcessingException e) {
            throw new InvalidException("malformed JSON");
        }
    }
}
