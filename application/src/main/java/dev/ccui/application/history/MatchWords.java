package dev.ccui.application.history;

import dev.ccui.domain.history.HistoryMessage;
import dev.ccui.domain.history.MessageBlock;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of a search, compared as the full-text index compares them (runs of letters and
 * digits, case and accents folded), to tell which messages of a session hold all of them.
 */
final class MatchWords {
    static final int MAX_WORDS = 16;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern DIACRITICS = Pattern.compile("\\p{M}+");

    private final Set<String> words;

    private MatchWords(Set<String> words) {
        this.words = words;
    }

    static MatchWords of(String query) {
        Set<String> words = new LinkedHashSet<>();
        Matcher matcher = WORD.matcher(Normalizer.normalize(query, Normalizer.Form.NFC));
        while (matcher.find() && words.size() < MAX_WORDS) {
            words.add(fold(matcher.group()));
        }
        return new MatchWords(Set.copyOf(words));
    }

    boolean isEmpty() {
        return words.isEmpty();
    }

    /** A message shown as chat text (not hidden, not a subagent's) whose text blocks hold every word. */
    boolean matches(HistoryMessage message) {
        if (message.hidden() || message.sidechain() || words.isEmpty()) {
            return false;
        }
        Set<String> missing = new HashSet<>(words);
        for (MessageBlock block : message.blocks()) {
            if (block instanceof MessageBlock.Text text) {
                Matcher matcher = WORD.matcher(text.text());
                while (matcher.find() && !missing.isEmpty()) {
                    missing.remove(fold(matcher.group()));
                }
                if (missing.isEmpty()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String fold(String word) {
        return DIACRITICS
                .matcher(Normalizer.normalize(word, Normalizer.Form.NFD))
                .replaceAll("")
                .toLowerCase(Locale.ROOT);
    }

    List<String> words() {
        return List.copyOf(words);
    }
}
