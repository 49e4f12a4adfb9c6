package dev.ccui.application.common;

import java.util.List;

/** A slice of a longer list and the cursor that fetches the next slice (null at the end). */
public record Page<T>(List<T> items, String nextCursor) {
    public Page {
        items = List.copyOf(items);
    }
}
