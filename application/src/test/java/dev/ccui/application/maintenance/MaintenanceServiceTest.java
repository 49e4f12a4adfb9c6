package dev.ccui.application.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ccui.application.audit.Auditor;
import dev.ccui.application.common.ClientInfo;
import dev.ccui.application.maintenance.port.in.ChangeMaintenanceCommand;
import dev.ccui.application.testing.InMemoryAuditRepository;
import dev.ccui.application.testing.InMemoryMaintenanceStore;
import dev.ccui.application.testing.MutableClock;
import dev.ccui.domain.audit.AuditAction;
import dev.ccui.domain.auth.AuthMethod;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.error.ForbiddenException;
import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.error.UnavailableException;
import dev.ccui.domain.maintenance.MaintenanceState;
import dev.ccui.domain.user.Role;
import dev.ccui.domain.user.UserId;
import dev.ccui.domain.user.Username;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class MaintenanceServiceTest {
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private static final ClientInfo CLIENT = new ClientInfo("10.0.0.1", "test");
    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryMaintenanceStore store = new InMemoryMaintenanceStore();
    private final InMemoryAuditRepository audit = new InMemoryAuditRepository();
    private final MaintenanceSettings settings = new MaintenanceSettings(Duration.ofSeconds(90), Duration.ofSeconds(2));
    private final MaintenanceService service =
            new MaintenanceService(store, new Auditor(audit, clock), clock, settings);

    private static Principal user(String name, Role role) {
        return new Principal(UserId.random(), new Username(name), role, AuthMethod.BEARER, "t", null, Set.of());
    }

    @Test
    void offUntilAnAdminTurnsItOnThenChangesAreRefusedWithTheMessageAndARetryDelay() {
        assertThat(service.state().enabled()).isFalse();
        service.requireWritable();

        Principal admin = user("root", Role.ADMIN);
        MaintenanceState on = service.change(admin, new ChangeMaintenanceCommand(true, "  database upgrade  "), CLIENT);

        assertThat(on).isEqualTo(new MaintenanceState(true, "database upgrade", T0, admin.userId(), "root"));
        assertThat(service.state()).isEqualTo(on);
        assertThatThrownBy(service::requireWritable).isInstanceOfSatisfying(UnavailableException.class, e -> {
            assertThat(e.code()).isEqualTo("MAINTENANCE");
            assertThat(e.getMessage()).isEqualTo("database upgrade");
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(90));
        });

        clock.advance(Duration.ofMinutes(5));
        MaintenanceState off = service.change(admin, new ChangeMaintenanceCommand(false, "ignored when off"), CLIENT);
        assertThat(off.enabled()).isFalse();
        assertThat(off.message()).isNull();
        assertThat(off.since()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        service.requireWritable();

        assertThat(audit.all())
                .extracting(e -> e.action(), e -> e.target(), e -> e.actorUsername())
                .containsExactly(
                        Tuple.tuple(AuditAction.MAINTENANCE_CHANGED, "on", "root"),
                        Tuple.tuple(AuditAction.MAINTENANCE_CHANGED, "off", "root"));
    }

    @Test
    void withoutAMessageTheRefusalExplainsItself() {
        service.change(user("root", Role.ADMIN), new ChangeMaintenanceCommand(true, null), CLIENT);
        assertThatThrownBy(service::requireWritable).hasMessageContaining("maintenance");
    }

    @Test
    void membersCannotToggleAndNothingIsStoredOrAudited() {
        assertThatThrownBy(() ->
                        service.change(user("bob", Role.MEMBER), new ChangeMaintenanceCommand(true, null), CLIENT))
                .isInstanceOf(ForbiddenException.class);
        assertThat(store.load().enabled()).isFalse();
        assertThat(audit.all()).isEmpty();
    }

    @Test
    void aToggleByAnotherNodeIsSeenOnceTheCacheIntervalHasPassedAndNotReadOnEveryCheck() {
        assertThat(service.state().enabled()).isFalse();
        int loads = store.loads.get();
        store.save(new MaintenanceState(true, "elsewhere", T0, UserId.random(), "other-node-admin"));

        for (int i = 0; i < 100; i++) {
            service.requireWritable();
        }
        assertThat(store.loads.get()).isEqualTo(loads);

        clock.advance(Duration.ofSeconds(2));
        assertThat(service.state().message()).isEqualTo("elsewhere");
        assertThatThrownBy(service::requireWritable).isInstanceOf(UnavailableException.class);
    }

    @Test
    void anUnreadableStoreKeepsTheLastKnownStateInsteadOfFlippingIt() {
        service.change(user("root", Role.ADMIN), new ChangeMaintenanceCommand(true, null), CLIENT);
        store.failing(true);
        clock.advance(Duration.ofSeconds(10));
        assertThat(service.state().enabled()).isTrue();
    }

    @Test
    void tooLongOrControlCharacterMessagesAreRefused() {
        assertThatThrownBy(() -> new ChangeMaintenanceCommand(true, "x".repeat(501)))
                .isInstanceOf(InvalidException.class);
        assertThatThrownBy(() -> new ChangeMaintenanceCommand(true, "a\u0000b")).isInstanceOf(InvalidException.class);
    }
}
