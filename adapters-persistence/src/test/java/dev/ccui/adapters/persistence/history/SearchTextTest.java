package dev.ccui.adapters.persistence.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void queriesAreSplitIntoWordsOfLettersAndDigits() {
        assertThat(SearchText.words("  \"deploy\" OR (café-42) body:x NEAR(a b) "))
                .containsExactly("deploy", "OR", "café", "42", "body", "x", "NEAR", "a", "b");
        assertThat(SearchText.words("?!.,;:()[]{}\"'*-+^")).isEmpty();
        assertThat(SearchText.words(null)).isEmpty();
        assertThat(SearchText.words("a a a")).containsExactly("a");
        assertThat(SearchText.words("w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 w13 w14 w15 w16 w17 w18"))
                .hasSize(SearchText.MAX_QUERY_WORDS);
        assertThat(SearchText.fts5Query(List.of("deploy", "OR"))).isEqualTo("\"deploy\" \"OR\"");
    }

    @Test
    void storedTextLosesControlCharactersAndIsCutIntoBoundedChunks() {
        assertThat(SearchText.chunks("a\u0000b\u0002c\u0003d\ne")).containsExactly("a b c d\ne");
        assertThat(SearchText.chunks("  ")).isEmpty();
        assertThat(SearchText.chunks(null)).isEmpty();
        String text = "word ".repeat(10_000);
        List<String> chunks = SearchText.chunks(text);
        assertThat(chunks)
                .hasSize(4)
                .allSatisfy(chunk -> assertThat(chunk.length()).isLessThanOrEqualTo(16_000));
        assertThat(String.join("", chunks)).isEqualTo(text);
        String emoji = "\uD83D\uDE00".repeat(9_000);
        assertThat(SearchText.chunks(emoji))
                .allSatisfy(chunk -> assertThat(Character.isHighSurrogate(chunk.charAt(chunk.length() - 1)))
                        .isFalse());
    }

    @Test
    void highlightingEscapesTheTextAndMarksWholeWords() {
        assertThat(SearchText.highlight("<b>Canary</b> & canaryish café", List.of("canary", "cafe"), 16))
                .isEqualTo("&lt;b&gt;<mark>Canary</mark>&lt;/b&gt; &amp; canaryish <mark>café</mark>");
        String longText = "one two three four five six seven eight nine ten target eleven twelve thirteen fourteen";
        assertThat(SearchText.highlight(longText, List.of("target"), 6))
                .isEqualTo("…nine ten <mark>target</mark> eleven twelve thirteen…");
        assertThat(SearchText.highlight("no match here", List.of("zzz"), 2)).isEqualTo("no match…");
        assertThat(SearchText.highlight("", List.of("zzz"), 2)).isEmpty();
    }

    @Test
    void snippetsMarkedByTheDatabaseKeepOnlyTheMarkTags() {
        assertThat(SearchText.markedToHtml("<i>\u0002hit\u0003</i> \"q\""))
                .isEqualTo("&lt;i&gt;<mark>hit</mark>&lt;/i&gt; &quot;q&quot;");
        assertThat(SearchText.markedToHtml(null)).isEmpty();
    }

    @Test
    void costsRoundTripExactly() {
        Map<Long, Double> costs = Map.of(3L, 0.1 + 0.2, 1L, 1.0 / 3, 2L, 0.0);
        assertThat(SessionRows.encodeCosts(costs)).startsWith("1=");
        assertThat(SessionRows.decodeCosts(SessionRows.encodeCosts(costs))).isEqualTo(costs);
        assertThat(SessionRows.decodeCosts("")).isEmpty();
    }
}
