package dev.ccui.domain.run;

import dev.ccui.domain.error.InvalidException;
import java.util.Objects;
import java.util.Set;

/** An image sent with a prompt, base64-encoded as the Messages API takes it. */
public record ImageAttachment(String mediaType, String base64Data) implements Attachment {
    public static final Set<String> MEDIA_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

    public ImageAttachment {
        Objects.requireNonNull(base64Data, "base64Data");
        if (!MEDIA_TYPES.contains(mediaType)) {
            throw new InvalidException("images", "images must be PNG, JPEG, GIF or WebP");
        }
    }
}
