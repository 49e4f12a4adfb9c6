package dev.ccui.adapters.http;

/**
 * A route whose body is not JSON and may be larger than {@code CCUI_MAX_BODY_BYTES} (uploads): the
 * server's first filter lets any media type through to it (its handler refuses what it cannot
 * read, once the caller is known) and refuses a declared length above {@code maxBytes} there,
 * before a byte of the body is read.
 *
 * @param path     the route's template, {@code {name}} for a path parameter
 * @param maxParts most parts a multipart body may have (the servlet container's form key limit)
 */
public record BodyRule(String method, String path, long maxBytes, int maxParts) {
    public BodyRule {
        if (maxBytes < 1 || maxParts < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
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
