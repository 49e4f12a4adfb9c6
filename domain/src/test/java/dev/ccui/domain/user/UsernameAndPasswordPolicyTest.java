package dev.ccui.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ccui.domain.error.InvalidException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

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
        assertThatThrownBy(() -> PasswordPolicy.check("password", "123456789")).isInstanceOf(InvalidException.class)
                .hasMessageContaining("at least 10");
        PasswordPolicy.check("password", "1234567890");
        assertThatThrownBy(() -> PasswordPolicy.check("password", "          ")).isInstanceOf(InvalidException.class);
        assertThatThrownBy(() -> PasswordPolicy.check("password", "x".repeat(257))).isInstanceOf(InvalidException.class);
    }
}
