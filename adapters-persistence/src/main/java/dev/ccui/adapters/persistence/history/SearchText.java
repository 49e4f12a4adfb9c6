package dev.ccui.adapters.persistence.history;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text side of full-text search that both databases share: what is stored, which words a
 * query is made of, and snippets that are safe to put in HTML.
 */
final class SearchText {
    /** Where the database puts a match's start and end in a snippet; never stored in a body. */
    static final char MARK_START = '\u0002';

    static final char MARK_END = '\u0003';

    /**
     * Bodies are stored in rows of at most this many characters: it keeps PostgreSQL's tsvector
     * within its limits (1 MB, positions below 16384) and each snippet's source small.
     */
    static final int MAX_CHUNK_CHARS = 16_000;

    static final int MAX_QUERY_WORDS = 16;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern DIACRITICS = Pattern.compile("\\p{M}+");

    private SearchText() {}

    /**
     * Text as stored: control characters (NUL, which PostgreSQL refuses, and the snippet markers
     * among them) become spaces; split into chunks of at most {@link #MAX_CHUNK_CHARS} at a space
     * where there is one near the limit.
     */
    static List<String> chunks(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String clean = withoutControls(text);
        List<String> chunks = new ArrayList<>();
        int start = 0;
        while (clean.length() - start > MAX_CHUNK_CHARS) {
            int end = start + MAX_CHUNK_CHARS;
            int space = clean.lastIndexOf(' ', end);
            if (space > end - 200) {
                end = space;
            } else if (Character.isHighSurrogate(clean.charAt(end - 1))) {
                end--;
            }
            chunks.add(clean.substring(start, end));
            start = end;
        }
        if (!clean.substring(start).isBlank()) {
            chunks.add(clean.substring(start));
        }
        return chunks;
    }

    /** Control characters but tab, newline and carriage return become spaces; the same string when there are none. */
    private static String withoutControls(String text) {
        char[] chars = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F) {
                if (chars == null) {
                    chars = text.toCharArray();
                }
                chars[i] = ' ';
            }
        }
        return chars == null ? text : new String(chars);
    }

    /**
     * The words of a person's query, letters and digits only: whatever else they typed (quotes,
     * operators, column filters, parentheses) is a separator, never query syntax.
     */
    static List<String> words(String query) {
        if (query == null) {
            return List.of();
        }
        Set<String> words = new LinkedHashSet<>();
        Matcher matcher = WORD.matcher(Normalizer.normalize(query, Normalizer.Form.NFC));
        while (matcher.find() && words.size() < MAX_QUERY_WORDS) {
            words.add(matcher.group());
        }
        return List.copyOf(words);
    }

    /** An FTS5 query that ANDs the words, each a quoted string (so no word is read as syntax). */
    static String fts5Query(List<String> words) {
        return String.join(" ", words.stream().map(word -> "\"" + word + "\"").toList());
    }

    /**
     * A snippet made by the database with {@link #MARK_START}/{@link #MARK_END} around matches,
     * HTML-escaped, with the markers turned into {@code <mark>} tags: the only markup in it.
     */
    static String markedToHtml(String snippet) {
        if (snippet == null) {
            return "";
        }
        return escape(snippet)
                .replace(String.valueOf(MARK_START), "<mark>")
                .replace(String.valueOf(MARK_END), "</mark>");
    }

    /**
     * A snippet of about {@code maxWords} words around the first match of any of the words in
     * {@code body}, matches compared case- and accent-insensitively, HTML-escaped, matches in
     * {@code <mark>} tags. For PostgreSQL, whose ts_headline reads tags in the text as markup.
     */
    static String highlight(String body, List<String> words, int maxWords) {
        Set<String> wanted = new LinkedHashSet<>();
        words.forEach(word -> wanted.add(fold(word)));
        List<int[]> tokens = new ArrayList<>();
        int firstMatch = -1;
        Matcher matcher = WORD.matcher(body);
        while (matcher.find()) {
            if (firstMatch < 0 && wanted.contains(fold(matcher.group()))) {
                firstMatch = tokens.size();
            }
            tokens.add(new int[] {matcher.start(), matcher.end()});
            if (firstMatch >= 0 && tokens.size() >= firstMatch + maxWords) {
                break;
            }
        }
        if (tokens.isEmpty()) {
            return "";
        }
        int from = Math.max(0, firstMatch - maxWords / 3);
        int to = Math.min(tokens.size(), from + maxWords);
        int startChar = from == 0 ? Math.max(0, tokens.get(0)[0] - 40) : tokens.get(from)[0];
        // Up to the next word, so closing punctuation (a quote, a bracket) is not cut off.
        int lastEnd = tokens.get(to - 1)[1];
        Matcher next = WORD.matcher(body).region(lastEnd, body.length());
        boolean more = next.find();
        int endChar = Math.min(more ? next.start() : body.length(), lastEnd + 40);
        StringBuilder html = new StringBuilder();
        if (startChar > 0) {
            html.append('…');
        }
        int at = startChar;
        for (int i = from; i < to; i++) {
            int[] token = tokens.get(i);
            html.append(escape(body.substring(at, token[0])));
            String word = body.substring(token[0], token[1]);
            if (wanted.contains(fold(word))) {
                html.append("<mark>").append(escape(word)).append("</mark>");
            } else {
                html.append(escape(word));
            }
            at = token[1];
        }
        html.append(escape(body.substring(at, endChar).stripTrailing()));
        if (more) {
            html.append('…');
        }
        return html.toString().strip();
    }

    private static String fold(String word) {
        return DIACRITICS
                .matcher(Normalizer.normalize(word, Normalizer.Form.NFD))
                .replaceAll("")
                .toLowerCase(Locale.ROOT);
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
