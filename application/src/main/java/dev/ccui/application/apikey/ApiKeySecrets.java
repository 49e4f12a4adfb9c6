package dev.ccui.application.apikey;

import dev.ccui.application.common.Secrets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shape of an API key: {@code ccui_<8 id chars>_<40 secret chars>}. The first part (the
 * prefix, {@code ccui_XXXXXXXX}) is stored in clear to find the key; the whole key only as a
 * SHA-256 digest, which is safe because the secret part has about 238 bits of entropy.
 */
public final class ApiKeySecrets {
    public static final String MARKER = "ccui_";
    private static final Pattern SHAPE = Pattern.compile("(ccui_[A-Za-z0-9]{8})_[A-Za-z0-9]{40}");

    private ApiKeySecrets() {}

    public static String newKey() {
        return MARKER + Secrets.alphanumeric(8) + "_" + Secrets.alphanumeric(40);
    }

    public static Optional<String> prefixOf(String key) {
        if (key == null || key.length() > 100) {
            return Optional.empty();
        }
        Matcher matcher = SHAPE.matcher(key);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
