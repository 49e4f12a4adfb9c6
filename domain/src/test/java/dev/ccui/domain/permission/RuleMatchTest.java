package dev.ccui.domain.permission;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which saved rule explains a tool call, as the CLI matches rules. */
class RuleMatchTest {
    private static final Path ROOT = Path.of("/work/app");

    private static boolean matches(String rule, String tool, Map<String, Object> input) {
        return RuleMatch.matches(rule, tool, input, ROOT);
    }

    private static Map<String, Object> bash(String command) {
        return Map.of("command", command);
    }

    private static Map<String, Object> file(String path) {
        return Map.of("file_path", path);
    }

    @Test
    void aToolNameCoversEveryCallOfItAndEditAndReadCoverTheirKin() {
        assertThat(matches("Read", "Read", file("/etc/passwd"))).isTrue();
        assertThat(matches("WebFetch", "WebFetch", Map.of("url", "https://x"))).isTrue();
        assertThat(matches("mcp__github__create_issue", "mcp__github__create_issue", Map.of()))
                .isTrue();
        assertThat(matches("Bash", "Bash", bash("rm -rf /"))).isTrue();
        assertThat(matches("Edit", "Write", file("/work/app/a.txt"))).isTrue();
        assertThat(matches("Edit", "MultiEdit", file("/work/app/a.txt"))).isTrue();
        assertThat(matches("Read", "Grep", Map.of("pattern", "x"))).isTrue();
        assertThat(matches("Write", "Edit", file("/work/app/a.txt")))
                .as("only Edit speaks for the others")
                .isFalse();
        assertThat(matches("Read", "ReadMe", Map.of())).isFalse();
        assertThat(matches("Bash(*)", "Bash", bash("anything"))).isTrue();
    }

    @Test
    void bashPrefixesWildcardsAndExactCommands() {
        assertThat(matches("Bash(npm test:*)", "Bash", bash("npm test"))).isTrue();
        assertThat(matches("Bash(npm test:*)", "Bash", bash("npm test -- --watch")))
                .isTrue();
        assertThat(matches("Bash(npm test:*)", "Bash", bash("npm testing")))
                .as("a word boundary")
                .isFalse();
        assertThat(matches("Bash(npm:*)", "Bash", bash("npx rimraf"))).isFalse();
        assertThat(matches("Bash(git diff)", "Bash", bash("git diff"))).isTrue();
        assertThat(matches("Bash(git diff)", "Bash", bash("git diff HEAD"))).isFalse();
        assertThat(matches("Bash(git *)", "Bash", bash("git"))).isTrue();
        assertThat(matches("Bash(git *)", "Bash", bash("git log -1"))).isTrue();
        assertThat(matches("Bash(git * main)", "Bash", bash("git push origin main")))
                .isTrue();
        assertThat(matches("Bash(git * main)", "Bash", bash("git push origin dev")))
                .isFalse();
        assertThat(matches("Bash(touch:*)", "Read", file("/work/app/touch"))).isFalse();
        assertThat(matches("Bash(ls)", "Bash", Map.of())).as("no command").isFalse();
    }

    @Test
    void pathPatternsAreGitignoreGlobsInTheProject() {
        assertThat(matches("Edit(src/**)", "Edit", file("/work/app/src/a/b/c.ts")))
                .isTrue();
        assertThat(matches("Edit(src/**)", "Write", file("/work/app/src/new.txt")))
                .isTrue();
        assertThat(matches("Edit(src/**)", "Edit", file("src/rel.ts")))
                .as("relative to the project")
                .isTrue();
        assertThat(matches("Edit(src/**)", "Edit", file("/work/app/test/a.ts"))).isFalse();
        assertThat(matches("Edit(src/**)", "Edit", file("/work/app/lib/src/a.ts")))
                .as("a pattern with a slash starts at the project")
                .isFalse();
        assertThat(matches("Edit(src/**)", "Edit", file("/elsewhere/src/a.ts"))).isFalse();
        assertThat(matches("Edit(src/**)", "Edit", file("/work/app/src/../../other/src/a.ts")))
                .as("normalised before matching")
                .isFalse();

        assertThat(matches("Read(docs/*.md)", "Read", file("/work/app/docs/guide.md")))
                .isTrue();
        assertThat(matches("Read(docs/*.md)", "Read", file("/work/app/docs/deep/guide.md")))
                .as("* stays in one folder")
                .isFalse();
        assertThat(matches("Read(docs/*.md)", "Read", file("/work/app/docs/guide.txt")))
                .isFalse();
        assertThat(matches("Read(./docs/**/*.md)", "Read", file("/work/app/docs/guide.md")))
                .isTrue();
        assertThat(matches("Read(/docs/**/*.md)", "Read", file("/work/app/docs/a/b/guide.md")))
                .isTrue();

        assertThat(matches("Read(*.env)", "Read", file("/work/app/.env")))
                .as("no slash: any depth")
                .isTrue();
        assertThat(matches("Read(*.env)", "Read", file("/work/app/config/prod.env")))
                .isTrue();
        assertThat(matches("Edit(src)", "Edit", file("/work/app/src/a.ts")))
                .as("a folder covers its files")
                .isTrue();
        assertThat(matches("Read(//etc/**)", "Read", file("/etc/passwd"))).isTrue();
        assertThat(matches("Read(//etc/**)", "Read", file("/work/app/etc/x"))).isFalse();
        assertThat(matches("Read(~/.ssh/**)", "Read", file("/root/.ssh/id_rsa")))
                .as("the CLI's home: not claimed")
                .isFalse();
        assertThat(matches("Read(src/**)", "Grep", Map.of("pattern", "x", "path", "/work/app/src/lib")))
                .isTrue();
        assertThat(matches("Edit(src/**)", "Edit", Map.of())).as("no path").isFalse();
    }

    @Test
    void aDenyRuleWinsOverAnAllowRuleAndNoRuleIsNone() {
        ToolRules rules = new ToolRules(List.of("Edit(src/**)", "Bash(npm:*)"), List.of("Edit(src/secret/**)"));
        assertThat(RuleMatch.of(rules, "Edit", file("/work/app/src/secret/key.txt"), ROOT))
                .contains(new RuleMatch("deny", "Edit(src/secret/**)"));
        assertThat(RuleMatch.of(rules, "Write", file("/work/app/src/a.txt"), ROOT))
                .contains(new RuleMatch("allow", "Edit(src/**)"));
        assertThat(RuleMatch.of(rules, "Bash", bash("npm run build"), ROOT))
                .contains(new RuleMatch("allow", "Bash(npm:*)"));
        assertThat(RuleMatch.of(rules, "Bash", bash("make"), ROOT)).isEmpty();
        assertThat(RuleMatch.of(ToolRules.NONE, "Read", file("/work/app/a"), ROOT))
                .isEmpty();
    }
}
