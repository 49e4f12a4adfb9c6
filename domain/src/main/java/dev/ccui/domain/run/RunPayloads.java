package dev.ccui.domain.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deep, unmodifiable copies of JSON-like payloads. {@code Map.copyOf} would refuse the
 * {@code null} values JSON has, and would lose the order of keys people read in the UI.
 */
final class RunPayloads {
    private RunPayloads() {}

    static Map<String, Object> copy(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(key, copyValue(value)));
        return Collections.unmodifiableMap(copy);
    }

    static List<Object> copy(List<?> list) {
        List<Object> copy = new ArrayList<>(list.size());
        list.forEach(value -> copy.add(copyValue(value)));
        return Collections.unmodifiableList(copy);
    }

    @SuppressWarnings("unchecked")
    private static Object copyValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return copy((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            return copy(list);
        }
        return value;
    }
}
