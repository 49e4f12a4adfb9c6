package dev.ccui.domain.project.create;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ccui.domain.error.InvalidException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CloneSourceTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://github.com/org/repo.git",
                "https://git.example.org:8443/team/repo",
                "ssh://git@example.org/org/repo.git",
                "ssh://example.org:2222/repo",
                "git@github.com:org/repo.git"
            })
    void remoteUrlsArePassedOnAsTyped(String url) {
        CloneSource source = CloneSource.parse(url);
        assertThat(source.kind()).isEqualTo(CloneSource.Kind.REMOTE);
        assertThat(source.location()).isEqualTo(url);
        assertThat(source.defaultFolderName()).isEqualTo("repo");
    }

    @Test
    void localPathsAndFileUrlsBecomePathsForTheUseCaseToConfine() {
        assertThat(CloneSource.parse("/work/shared.git"))
                .isEqualTo(new CloneSource(CloneSource.Kind.LOCAL, "/work/shared.git"));
        assertThat(CloneSource.parse("file:///work/shared.git"))
                .isEqualTo(new CloneSource(CloneSource.Kind.LOCAL, "/work/shared.git"));
        assertThat(CloneSource.parse("/work/shared.git/").defaultFolderName()).isEqualTo("shared");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ext::sh -c touch% /tmp/x",
                "ext::sh",
                "fd::3",
                "-uhttps://x.org/a",
                "--upload-pack=touch x",
                "git://x.org/a.git",
                "http://x.org/a.git",
                "HTTP://x.org/a.git",
                "ftp://x.org/a.git",
                "https://u:p@x.org/a.git",
                "https://x.org",
                "https://x.org/a?b=c",
                "https:///a",
                "host:path",
                "user@host::path",
                "user@host:-oProxyCommand=x",
                "relative/path",
                "file://relative",
                "/a/b\\c",
                "/a/%2e%2e/b",
                "https://x.org/a b",
                "https://x.org/a\u0000b",
                "https://x\u2215org/a",
                "",
                "  "
            })
    void everythingElseIsRefusedAsInvalidUrl(String url) {
        assertThatThrownBy(() -> CloneSource.parse(url))
                .isInstanceOf(InvalidException.class)
                .satisfies(e -> assertThat(((InvalidException) e).field()).contains("url"));
    }

    @Test
    void folderNamesAreOneElement() {
        assertThat(FolderName.require("name", "my-app")).isEqualTo("my-app");
        for (String bad : new String[] {"..", ".", "a/b", "a\\b", "-x", ".git", " x", "x\u0000", "x".repeat(256)}) {
            assertThatThrownBy(() -> FolderName.require("name", bad)).isInstanceOf(InvalidException.class);
        }
    }
}
