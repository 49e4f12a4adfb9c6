package dev.ccui.adapters.http.json;

import dev.ccui.domain.error.InvalidException;
import io.javalin.http.Context;

/** Numeric query parameters: absent is null, anything but a whole number is a 400 naming the parameter. */
public final class QueryParams {
    private QueryParams() {}

    public static Integer integer(Context ctx, String name) {
        Long value = whole(ctx, name);
        if (value != null && (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE)) {
            throw new InvalidException(name, name + " is out of range");
        }
        return value == null ? null : value.intValue();
    }

    public static Long whole(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidException(name, name + " must be a whole number");
        }
    }
}
