package dev.ccui.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ccui.domain.error.InvalidException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsernameAndPasswordPolicyTest {

    @Test
    void usernamesAreFoldedToLowerCase() {
        assertThat(new Username("  Alice.Dev ").value()).isEqualTo("alice.dev");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "a", "-alice", "al ice", "alice\u0000", "аlice", "alice/../x", "<script>"})
    void oddUsernamesAreRefused(String name) {
        assertThatThrownBy(() -> new Username(name)).isInstanceOf(InvalidException.class);
    }

    @Test
    void passwordsNeedTenCharacters() {
        assertThatThrownBy(() -> PasswordPolicy.check("password", "123456789"))
                .isInstanceOf(InvalidException.class)
                .hasMessageContaining("at least 10");
        PasswordPolicy.check("password", "correct horse");
        assertThatThrownBy(() -> PasswordPolicy.check("password", "          ")).isInstanceOf(InvalidException.class);
        assertThatThrownBy(() -> PasswordPolicy.check("password", "x".repeat(257)))
                .isInstanceOf(InvalidException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "password12345",
                "Password12345!",
                "qwertyuiop",
                "1234567890",
                "0000000000",
                "letmein 2024",
                "iloveyou!!!!",
                "  Admin123456",
                "aaaaaaaaaaaa",
                "zzzz11111111",
                "P@ssw0rd2024",
                "welcome12345"
            })
    void commonPasswordsAreRefusedWhateverTheDigitsAroundThem(String password) {
        assertThatThrownBy(() -> PasswordPolicy.check("password", password))
                .isInstanceOf(InvalidException.class)
                .hasMessageContaining("too common");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "correct horse battery staple",
                "admin password 1",
                "ui benchmark password 1",
                "long enough pw",
                "password manager vault",
                "9 lives of my cat"
            })
    void phrasesOfOnesOwnPass(String password) {
        PasswordPolicy.check("password", password);
    }
}
