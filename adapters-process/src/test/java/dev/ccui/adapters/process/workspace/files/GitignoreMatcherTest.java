package dev.ccui.adapters.process.workspace.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.domain.workspace.RelativePath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fallback {@code .gitignore} matcher: git's glob rules, and linear time on hostile lines. */
class GitignoreMatcherTest {

    @Test
    void globsFollowGitsRules() {
        assertThat(GlobMatcher.compile("*.log").matches("app.log")).isTrue();
        assertThat(GlobMatcher.compile("*.log").matches("dir/app.log")).isFalse();
        assertThat(GlobMatcher.compile("a?c").matches("abc")).isTrue();
        assertThat(GlobMatcher.compile("a?c").matches("a/c")).isFalse();
        assertThat(GlobMatcher.compile("**/build").matches("build")).isTrue();
        assertThat(GlobMatcher.compile("**/build").matches("x/y/build")).isTrue();
        assertThat(GlobMatcher.compile("**/build").matches("xbuild")).isFalse();
        assertThat(GlobMatcher.compile("docs/**").matches("docs/a/b.md")).isTrue();
        assertThat(GlobMatcher.compile("a/**/b").matches("a/b")).isTrue();
        assertThat(GlobMatcher.compile("a/**/b").matches("a/x/y/b")).isTrue();
        assertThat(GlobMatcher.compile("a/**/b").matches("a/xb")).isFalse();
        assertThat(GlobMatcher.compile("[a-c]x").matches("bx")).isTrue();
        assertThat(GlobMatcher.compile("[!a-c]x").matches("bx")).isFalse();
        assertThat(GlobMatcher.compile("[!a-c]x").matches("dx")).isTrue();
        assertThat(GlobMatcher.compile("[]]x").matches("]x")).isTrue();
        assertThat(GlobMatcher.compile("[x").matches("[x")).isTrue();
        assertThat(GlobMatcher.compile("\\*x").matches("*x")).isTrue();
        assertThat(GlobMatcher.compile("\\*x").matches("ax")).isFalse();
        assertThat(GlobMatcher.compile("*").matches("")).isTrue();
    }

    @Test
    void rulesApplyNegationFolderOnlyAndAnchoring(@TempDir Path root) throws Exception {
        Files.writeString(
                root.resolve(".gitignore"), "*.log\n!keep.log\nbuild/\n/top.txt\n# comment\ntrailing.txt   \n");
        GitignoreRules rules = GitignoreRules.load(root, RelativePath.ROOT);
        assertThat(rules.ignored("a.log", false)).isTrue();
        assertThat(rules.ignored("sub/a.log", false)).isTrue();
        assertThat(rules.ignored("keep.log", false)).isFalse();
        assertThat(rules.ignored("build", true)).isTrue();
        assertThat(rules.ignored("build", false)).isFalse();
        assertThat(rules.ignored("top.txt", false)).isTrue();
        assertThat(rules.ignored("sub/top.txt", false)).isFalse();
        assertThat(rules.ignored("trailing.txt", false)).isTrue();
    }

    /** Issue 12: these lines pinned a CPU for minutes with the regex translation; a regression guard. */
    @Test
    void hostilePatternsFinishInMilliseconds(@TempDir Path root) throws Exception {
        String name = "a".repeat(20_000);
        Files.writeString(
                root.resolve(".gitignore"),
                String.join(
                                "\n",
                                "**a**a**a**a**a**a**a**a**a**a**b",
                                "*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b",
                                "**/**/**/**/**/**/**/**/**/**/**/**/x",
                                "[a-z]*[a-z]*[a-z]*[a-z]*[a-z]*[a-z]*[a-z]*[a-z]*!",
                                " ".repeat(100_000) + "x")
                        + "\n");
        long start = System.nanoTime();
        GitignoreRules rules = GitignoreRules.load(root, RelativePath.ROOT);
        boolean ignored = rules.ignored(name, false) || rules.ignored("d/".repeat(5_000) + name, false);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(ignored).isFalse();
        assertThat(took).isLessThan(Duration.ofSeconds(2));
        assertThat(GlobMatcher.compile("**a**a**a**a**a**a**a**a**a**a**b").matches(name + "b"))
                .isTrue();
    }
}
