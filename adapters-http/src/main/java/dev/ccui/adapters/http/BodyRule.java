package dev.ccui.adapters.http;

/**
 * A route whose body may be larger than {@code CCUI_MAX_BODY_BYTES}: the server's first filter
 * refuses a declared length above {@code maxBytes} there ({@code 413 PAYLOAD_TOO_LARGE}), before a
 * byte of the body is read. An upload's body is not JSON: any media type gets through to it (its
 * handler refuses what it cannot read, once the caller is known). A JSON route still needs {@code
 * application/json}, and reads its body within the same limit ({@link dev.ccui.adapters.http.json.Json}).
 *
 * @param path     the route's template, {@code {name}} for a path parameter
 * @param maxParts most parts a multipart body may have (the servlet container's form key limit)
 * @param json     the body is JSON (no parts)
 */
public record BodyRule(String method, String path, long maxBytes, int maxParts, boolean json) {
    public BodyRule {
        if (maxBytes < 1 || maxParts < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** An upload: a multipart body of at most {@code maxParts} parts. */
    public BodyRule(String method, String path, long maxBytes, int maxParts) {
        this(method, path, maxBytes, maxParts, false);
    }

    /** A JSON body larger than the usual limit (a prompt with its files). */
    public static BodyRule json(String method, String path, long maxBytes) {
        return new BodyRule(method, path, maxBytes, 1, true);
    }

    /** Segment by segment: a {@code {name}} segment of the template matches any one non-empty segment. */
    boolean matches(String requestMethod, String requestPath) {
        if (!method.equalsIgnoreCase(requestMethod)) {
            return false;
        }
        String[] template = path.split("/", -1);
        String[] actual = requestPath.split("/", -1);
        if (template.length != actual.length) {
            return false;
        }
        for (int i = 0; i < template.length; i++) {
            boolean parameter = template[i].startsWith("{") && template[i].endsWith("}");
            if (parameter ? actual[i].isEmpty() : !template[i].equals(actual[i])) {
                return false;
            }
        }
        return true;
    }
}
