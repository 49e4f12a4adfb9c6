package dev.ccui.adapters.persistence.history;

import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.session.SessionId;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The position after a page's last session, opaque to clients: base64url of "millis:id" ("" millis for none). */
record SessionCursor(Long lastActivityAt, String id) {
    String encode() {
        String text = (lastActivityAt == null ? "" : lastActivityAt.toString()) + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static SessionCursor decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int colon = text.indexOf(':');
            String id = text.substring(colon + 1);
            if (colon < 0 || SessionId.parse(id).isEmpty()) {
                throw new IllegalArgumentException("no session id");
            }
            Long at = colon == 0 ? null : Long.valueOf(text.substring(0, colon));
            return new SessionCursor(at, id);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new InvalidException("cursor", "not a cursor of this list: start again from the first page");
        }
    }
}
