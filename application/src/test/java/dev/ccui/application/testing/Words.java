package dev.ccui.application.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Words as the fake index searches them: runs of letters and digits, case folded. */
final class Words {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private Words() {}

    static List<String> of(String text) {
        List<String> words = new ArrayList<>();
        if (text != null) {
            Matcher matcher = WORD.matcher(text);
            while (matcher.find()) {
                words.add(matcher.group().toLowerCase(Locale.ROOT));
            }
        }
        return words;
    }

    /** The text as HTML, every one of {@code words} wrapped in {@code <mark>}. */
    static String marked(String text, Set<String> words) {
        StringBuilder html = new StringBuilder();
        Matcher matcher = WORD.matcher(text);
        int at = 0;
        while (matcher.find()) {
            escape(text.substring(at, matcher.start()), html);
            boolean hit = words.contains(matcher.group().toLowerCase(Locale.ROOT));
            html.append(hit ? "<mark>" : "").append(matcher.group()).append(hit ? "</mark>" : "");
            at = matcher.end();
        }
        escape(text.substring(at), html);
        return html.toString();
    }

    private static void escape(String text, StringBuilder html) {
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '&' -> html.append("&amp;");
                case '"' -> html.append("&quot;");
                case '\u0000' -> html.append(' ');
                default -> html.append(c);
            }
        }
    }
}
