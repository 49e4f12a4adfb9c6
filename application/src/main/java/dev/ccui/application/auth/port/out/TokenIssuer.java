package dev.ccui.application.auth.port.out;

import dev.ccui.domain.auth.TokenClaims;
import dev.ccui.domain.user.UserId;
import java.util.Optional;

/** Signs and verifies session tokens. */
public interface TokenIssuer {

    IssuedToken issue(UserId userId);

    /** The claims of a token whose signature, algorithm and lifetime are valid; empty otherwise. */
    Optional<TokenClaims> verify(String token);

    record IssuedToken(String token, TokenClaims claims) {}
}
