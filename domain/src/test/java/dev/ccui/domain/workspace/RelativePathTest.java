package dev.ccui.domain.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ccui.domain.error.ForbiddenException;
import org.junit.jupiter.api.Test;

class RelativePathTest {
    @Test
    void plainPathsAreKeptAndNormalised() {
        assertThat(RelativePath.parse(null).isRoot()).isTrue();
        assertThat(RelativePath.parse("").isRoot()).isTrue();
        assertThat(RelativePath.parse("./").isRoot()).isTrue();
        assertThat(RelativePath.parse("src//main/./App.java").toString()).isEqualTo("src/main/App.java");
        assertThat(RelativePath.parse("src/").segments()).containsExactly("src");
        assertThat(RelativePath.parse("a b/ü.txt").name()).isEqualTo("ü.txt");
        assertThat(RelativePath.parse("...").toString()).isEqualTo("...");
        assertThat(RelativePath.parse("a/b").parent().toString()).isEqualTo("a");
    }

    @Test
    void hostileTextIsRefused() {
        for (String hostile :
                new String[] {"..", "a/../b", "/etc", "~", "a\\b", "%2e%2e", "a\0b", "\u2024\u2024", "a\u202Eb"}) {
            assertThatThrownBy(() -> RelativePath.parse(hostile))
                    .as(hostile)
                    .isInstanceOf(ForbiddenException.class)
                    .hasFieldOrPropertyWithValue("code", "PATH_OUTSIDE_PROJECT");
        }
    }
}
