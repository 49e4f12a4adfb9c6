package dev.ccui.application.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.application.apikey.port.out.ApiKeyRepository;
import dev.ccui.application.audit.port.out.AuditRepository;
import dev.ccui.application.auth.port.out.AuthTokenRepository;
import dev.ccui.application.user.port.out.UserRepository;
import dev.ccui.domain.apikey.ApiKey;
import dev.ccui.domain.apikey.ApiKeyId;
import dev.ccui.domain.apikey.ApiKeyScope;
import dev.ccui.domain.audit.AuditAction;
import dev.ccui.domain.audit.AuditEntry;
import dev.ccui.domain.audit.AuditFilter;
import dev.ccui.domain.auth.TokenClaims;
import dev.ccui.domain.user.Role;
import dev.ccui.domain.user.User;
import dev.ccui.domain.user.UserId;
import dev.ccui.domain.user.Username;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One contract for the account repositories, run against every database we support and against
 * the in-memory fakes: keys and tokens refer to users of the same store.
 */
public abstract class AccountsRepositoriesContract {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123Z");

    public record Ports(
            UserRepository users, ApiKeyRepository apiKeys, AuthTokenRepository tokens, AuditRepository audit) {}

    /** Fresh, empty ports over one store; called once before each test. */
    protected abstract Ports ports();

    private Ports ports;

    @BeforeEach
    void open() {
        ports = ports();
    }

    private UserRepository users() {
        return ports.users();
    }

    private static User user(String name, Role role) {
        return new User(UserId.random(), new Username(name), role, false, "$2a$12$hash-of-" + name, T0, T0, null);
    }

    @Test
    void usersRoundTripWithEveryField() {
        var repo = users();
        User alice = user("alice", Role.ADMIN).withLastLoginAt(T0.plusSeconds(5));
        assertThat(repo.insert(alice)).isTrue();
        assertThat(repo.findById(alice.id())).contains(alice);
        assertThat(repo.findByUsername(new Username("ALICE"))).contains(alice);
        assertThat(repo.count()).isEqualTo(1);
        assertThat(repo.countActiveAdmins()).isEqualTo(1);

        User changed = alice.withRole(Role.MEMBER, T0.plusSeconds(9)).withDisabled(true, T0.plusSeconds(9));
        repo.update(changed);
        assertThat(repo.findById(alice.id())).contains(changed);
        assertThat(repo.countActiveAdmins()).isZero();
        assertThat(repo.delete(alice.id())).isTrue();
        assertThat(repo.findById(alice.id())).isEmpty();
    }

    @Test
    void aTakenUsernameIsRefusedWithoutAnError() {
        var repo = users();
        assertThat(repo.insert(user("bob", Role.MEMBER))).isTrue();
        assertThat(repo.insert(user("bob", Role.ADMIN))).isFalse();
        assertThat(repo.list()).extracting(u -> u.role()).containsExactly(Role.MEMBER);
    }

    @Test
    void insertFirstWinsOnlyOnAnEmptyTableEvenUnderRacingCalls() throws Exception {
        var repo = users();
        List<Callable<Boolean>> racers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String name = "admin" + i;
            racers.add(() -> repo.insertFirst(user(name, Role.ADMIN)));
        }
        try (var pool = Executors.newFixedThreadPool(4)) {
            long winners = pool.invokeAll(racers).stream()
                    .filter(f -> {
                        try {
                            return f.get();
                        } catch (Exception e) {
                            return false;
                        }
                    })
                    .count();
            assertThat(winners).isEqualTo(1);
        }
        assertThat(repo.count()).isEqualTo(1);
    }

    @Test
    void apiKeysAreFoundByPrefixAndDeletedWithTheirOwner() {
        var userRepo = users();
        var keys = ports.apiKeys();
        User owner = user("carol", Role.MEMBER);
        userRepo.insert(owner);
        ApiKey key = new ApiKey(
                ApiKeyId.random(),
                owner.id(),
                "ci",
                "ccui_ABCDEFGH",
                "f".repeat(64),
                Set.of(ApiKeyScope.API, ApiKeyScope.TERMINAL),
                T0,
                null);
        keys.insert(key);
        assertThat(keys.findByPrefix("ccui_ABCDEFGH")).contains(key);
        keys.touch(key.id(), T0.plusSeconds(60));
        assertThat(keys.findById(key.id()).orElseThrow().lastUsedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(keys.listByUser(owner.id())).hasSize(1);

        userRepo.delete(owner.id());
        assertThat(keys.findById(key.id())).isEmpty();
    }

    @Test
    void tokensCanBeRevokedOneByOneOrAllButOne() {
        var userRepo = users();
        var tokens = ports.tokens();
        User owner = user("dave", Role.MEMBER);
        userRepo.insert(owner);
        Instant expiry = T0.plus(Duration.ofDays(7));
        for (String jti : List.of("t1", "t2", "t3")) {
            tokens.record(new TokenClaims(jti, owner.id(), T0, expiry));
        }
        assertThat(tokens.isActive("t1", T0)).isTrue();
        assertThat(tokens.isActive("unknown", T0)).isFalse();
        assertThat(tokens.isActive("t1", expiry)).isFalse();

        tokens.revoke("t1", T0);
        assertThat(tokens.isActive("t1", T0)).isFalse();
        assertThat(tokens.revokeAllOf(owner.id(), "t3", T0)).isEqualTo(1);
        assertThat(tokens.isActive("t2", T0)).isFalse();
        assertThat(tokens.isActive("t3", T0)).isTrue();
        assertThat(tokens.purgeExpired(expiry)).isEqualTo(3);
    }

    @Test
    void auditIsPagedNewestFirst() {
        var audit = ports.audit();
        UserId actor = UserId.random();
        for (int i = 0; i < 5; i++) {
            audit.append(new AuditEntry(
                    0,
                    T0.plusSeconds(i),
                    actor,
                    "erin",
                    AuditAction.LOGIN,
                    "erin",
                    "10.0.0." + i,
                    i % 2 == 0,
                    "try " + i));
        }
        List<AuditEntry> first = audit.list(2, null, AuditFilter.ALL);
        assertThat(first).extracting(AuditEntry::detail).containsExactly("try 4", "try 3");
        assertThat(first.get(0).at()).isEqualTo(T0.plusSeconds(4).truncatedTo(ChronoUnit.MILLIS));
        assertThat(first.get(0).actorUserId()).isEqualTo(actor);
        List<AuditEntry> second = audit.list(2, first.get(1).id(), AuditFilter.ALL);
        assertThat(second).extracting(AuditEntry::detail).containsExactly("try 2", "try 1");
        assertThat(second.get(0).success()).isTrue();
        assertThat(second.get(1).success()).isFalse();
    }

    @Test
    void auditFiltersByActorActionAndOutcomeAndPagesWithinTheFilter() {
        var audit = ports.audit();
        UserId erin = UserId.random();
        audit.append(new AuditEntry(0, T0, erin, "erin", AuditAction.LOGIN, "erin", null, true, "a"));
        audit.append(new AuditEntry(0, T0, null, "Mallory", AuditAction.LOGIN_FAILED, "admin", null, false, "b"));
        audit.append(new AuditEntry(0, T0, erin, "erin", AuditAction.RUN_STARTED, "r1", null, true, "c"));
        audit.append(new AuditEntry(0, T0, erin, "erin", AuditAction.LOGIN_FAILED, "erin", null, false, "d"));
        audit.append(new AuditEntry(0, T0, erin, "erin", AuditAction.RUN_STARTED, "r2", null, true, "e"));

        assertThat(audit.list(10, null, new AuditFilter("ERIN", null, null)))
                .extracting(AuditEntry::detail)
                .containsExactly("e", "d", "c", "a");
        assertThat(audit.list(10, null, new AuditFilter(null, AuditAction.RUN_STARTED, null)))
                .extracting(AuditEntry::detail)
                .containsExactly("e", "c");
        assertThat(audit.list(10, null, new AuditFilter(null, null, false)))
                .extracting(AuditEntry::detail)
                .containsExactly("d", "b");
        assertThat(audit.list(10, null, new AuditFilter("mallory", AuditAction.LOGIN_FAILED, false)))
                .extracting(AuditEntry::detail)
                .containsExactly("b");
        assertThat(audit.list(10, null, new AuditFilter("nobody", null, null))).isEmpty();
        List<AuditEntry> first = audit.list(1, null, new AuditFilter("erin", null, true));
        assertThat(first).extracting(AuditEntry::detail).containsExactly("e");
        assertThat(audit.list(5, first.getFirst().id(), new AuditFilter("erin", null, true)))
                .extracting(AuditEntry::detail)
                .containsExactly("c", "a");
    }
}
