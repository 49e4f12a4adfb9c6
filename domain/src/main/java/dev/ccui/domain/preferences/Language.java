package dev.ccui.domain.preferences;

import dev.ccui.domain.error.InvalidException;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A language the UI is offered in, as a BCP-47 tag in its canonical case ({@code en}, {@code pt-BR}).
 * Only tags of {@link #SUPPORTED} exist: the UI has a catalogue for each of them.
 */
public record Language(String tag) {
    /** The UI's catalogues; a language is added here together with its catalogue in the web UI. */
    public static final List<String> SUPPORTED = List.of("en", "es", "de");

    private static final int MAX_TAG = 35;

    public Language {
        Objects.requireNonNull(tag, "tag");
        if (!SUPPORTED.contains(tag)) {
            throw new IllegalArgumentException("not a supported language: " + tag);
        }
    }

    /** The language a request names, in any case; a malformed or unsupported tag is {@code 400 UNSUPPORTED_LANGUAGE}. */
    public static Language of(String tag) {
        return known(tag).orElseThrow(Language::unsupported);
    }

    /** The refusal of a language the UI does not have (or of something that is not a tag). */
    public static InvalidException unsupported() {
        return new InvalidException(
                "UNSUPPORTED_LANGUAGE",
                "language",
                "language must be null (the browser's) or one of " + String.join(", ", SUPPORTED));
    }

    /** The supported language of that tag (BCP-47 is case-insensitive), if it is one. */
    public static Optional<Language> known(String tag) {
        if (tag == null || tag.isEmpty() || tag.length() > MAX_TAG) {
            return Optional.empty();
        }
        String canonical;
        try {
            canonical = new Locale.Builder().setLanguageTag(tag).build().toLanguageTag();
        } catch (IllformedLocaleException e) {
            return Optional.empty();
        }
        return SUPPORTED.contains(canonical) ? Optional.of(new Language(canonical)) : Optional.empty();
    }
}
