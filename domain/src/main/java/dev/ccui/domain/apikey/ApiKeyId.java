package dev.ccui.domain.apikey;

import dev.ccui.domain.common.Uuids;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

public record ApiKeyId(UUID value) {
    public ApiKeyId {
        Objects.requireNonNull(value, "value");
    }

    public static ApiKeyId random() {
        return new ApiKeyId(UUID.randomUUID());
    }

    /** Parses an id taken from outside (a path, a token); empty when it is not a UUID. */
    public static Optional<ApiKeyId> parse(String text) {
        return Uuids.parse(text).map(ApiKeyId::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
