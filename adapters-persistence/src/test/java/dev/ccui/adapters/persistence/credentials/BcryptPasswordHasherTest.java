package dev.ccui.adapters.persistence.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BcryptPasswordHasherTest {
    private final BcryptPasswordHasher hasher = new BcryptPasswordHasher(4);

    @Test
    void hashesAndVerifiesIncludingPasswordsLongerThanBcryptsInput() {
        String longPassword = "x".repeat(100) + "tail";
        String hash = hasher.hash(longPassword);
        assertThat(hasher.verify(longPassword, hash)).isTrue();
        assertThat(hasher.verify("x".repeat(100) + "tale", hash)).isFalse();
        assertThat(hasher.verify("anything", "not a hash")).isFalse();
    }

    /** The decoy must be checked like a real hash (the full work), never refused early as malformed. */
    @Test
    void theDecoyIsAWellFormedHashAtTheConfiguredCostThatNothingMatches() {
        for (int cost : new int[] {4, 9, 12}) {
            String decoy = BcryptPasswordHasher.decoy(cost);
            assertThat(decoy).hasSize(60).startsWith(cost < 10 ? "$2a$0" + cost + "$" : "$2a$" + cost + "$");
            BCrypt.Result checked = BCrypt.verifyer()
                    .verify("guess".getBytes(StandardCharsets.UTF_8), decoy.getBytes(StandardCharsets.UTF_8));
            assertThat(checked.validFormat).isTrue();
            assertThat(checked.details.cost).isEqualTo(cost);
        }
        String decoy = hasher.decoyHash();
        BCrypt.Result result = BCrypt.verifyer()
                .verify("password".getBytes(StandardCharsets.UTF_8), decoy.getBytes(StandardCharsets.UTF_8));
        assertThat(result.validFormat).isTrue();
        assertThat(result.verified).isFalse();
        assertThat(hasher.verify("", decoy)).isFalse();
        assertThat(BcryptPasswordHasher.decoy(4)).isNotEqualTo(BcryptPasswordHasher.decoy(4));
    }
}
