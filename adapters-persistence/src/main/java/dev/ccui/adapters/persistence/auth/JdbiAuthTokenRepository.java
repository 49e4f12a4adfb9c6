package dev.ccui.adapters.persistence.auth;

import static dev.ccui.adapters.persistence.db.Rows.millis;

import dev.ccui.application.auth.port.out.AuthTokenRepository;
import dev.ccui.domain.auth.TokenClaims;
import dev.ccui.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

public final class JdbiAuthTokenRepository implements AuthTokenRepository {
    private final Jdbi jdbi;

    public JdbiAuthTokenRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void record(TokenClaims claims) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO auth_tokens (jti, user_id, issued_at, expires_at) "
                        + "VALUES (:jti, :userId, :issuedAt, :expiresAt)")
                .bind("jti", claims.tokenId())
                .bind("userId", claims.userId().toString())
                .bind("issuedAt", millis(claims.issuedAt()))
                .bind("expiresAt", millis(claims.expiresAt()))
                .execute());
    }

    @Override
    public Optional<UserId> activeOwner(String tokenId, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("SELECT user_id FROM auth_tokens "
                        + "WHERE jti = :jti AND revoked_at IS NULL AND expires_at > :now")
                .bind("jti", tokenId)
                .bind("now", millis(now))
                .mapTo(String.class)
                .findOne()
                .flatMap(UserId::parse));
    }

    @Override
    public void revoke(String tokenId, Instant at) {
        jdbi.useHandle(
                h -> h.createUpdate("UPDATE auth_tokens SET revoked_at = :at WHERE jti = :jti AND revoked_at IS NULL")
                        .bind("at", millis(at))
                        .bind("jti", tokenId)
                        .execute());
    }

    @Override
    public int revokeAllOf(UserId userId, String keepTokenId, Instant at) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE auth_tokens SET revoked_at = :at "
                        + "WHERE user_id = :userId AND revoked_at IS NULL AND jti <> :keep")
                .bind("at", millis(at))
                .bind("userId", userId.toString())
                .bind("keep", keepTokenId == null ? "" : keepTokenId)
                .execute());
    }

    @Override
    public int purgeExpired(Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM auth_tokens WHERE expires_at <= :now")
                .bind("now", millis(now))
                .execute());
    }
}
