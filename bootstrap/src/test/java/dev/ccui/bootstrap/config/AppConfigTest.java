package dev.ccui.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppConfigTest {
    private static final Path HOME = Path.of("/home/dev");

    @Test
    void defaultsServeOneLocalUser() {
        AppConfig config = AppConfig.fromEnvironment(Map.of(), HOME);
        assertThat(config.http().host()).isEqualTo("127.0.0.1");
        assertThat(config.http().port()).isEqualTo(3001);
        assertThat(config.production()).isFalse();
        assertThat(config.dataDir()).isEqualTo(HOME.resolve(".ccui"));
        assertThat(config.storage().databaseUrl()).isEmpty();
        assertThat(config.accounts().jwtTtl()).isEqualTo(Duration.ofDays(7));
        assertThat(config.claude().configDir()).isEqualTo(HOME.resolve(".claude"));
        assertThat(config.workspace().root()).isEqualTo(HOME);
        assertThat(config.http().apiLimit().capacity()).isEqualTo(300);
        assertThat(config.http().authLimit().capacity()).isEqualTo(10);
        assertThat(config.http().authLimit().period()).isEqualTo(Duration.ofMinutes(15));
        assertThat(config.accounts().bcryptCost()).isEqualTo(12);
        assertThat(config.workspace().terminals().enabled()).isTrue();
        assertThat(config.http().corsOrigins()).isEmpty();
    }

    @Test
    void homeIsTheHomeVariableAsTheCliReadsIt() {
        Path serviceHome = Path.of("/srv/ccui-home");
        assertThat(AppConfig.home(Map.of("HOME", serviceHome.toString()))).isEqualTo(serviceHome);
        assertThat(AppConfig.home(Map.of()))
                .isEqualTo(Path.of(System.getProperty("user.home"))
                        .toAbsolutePath()
                        .normalize());

        AppConfig config = AppConfig.fromEnvironment(Map.of("CCUI_DATA_DIR", "~/state"), serviceHome);
        assertThat(config.dataDir()).isEqualTo(serviceHome.resolve("state"));
        assertThat(config.claude().configDir()).isEqualTo(serviceHome.resolve(".claude"));
    }

    @Test
    void productionRefusesToStartWithOneLinePerProblem() {
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("CCUI_ENV", "production", "CORS_ORIGINS", "*"), HOME))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .anySatisfy(p -> assertThat(p).contains("JWT_SECRET is required"))
                                .anySatisfy(p -> assertThat(p).contains("'*' is not allowed"))
                                .anySatisfy(p -> assertThat(p).contains("DATABASE_URL is required")));
        assertThatThrownBy(() -> AppConfig.fromEnvironment(
                        Map.of("CCUI_ENV", "production", "JWT_SECRET", "short", "DATABASE_URL", "postgresql://db/ccui"),
                        HOME))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .containsExactlyInAnyOrder(
                                        "JWT_SECRET must have at least 32 characters in production",
                                        "CORS_ORIGINS is required in production: the exact origin(s) users open the UI from"));
    }

    @Test
    void aCompleteProductionConfigurationIsAccepted() {
        AppConfig config = AppConfig.fromEnvironment(
                Map.of(
                        "CCUI_ENV",
                        "production",
                        "JWT_SECRET",
                        "x".repeat(40),
                        "DATABASE_URL",
                        "postgresql://u:p@db/ccui",
                        "CORS_ORIGINS",
                        "https://ccui.example.com, https://b.example:8443",
                        "JWT_TTL",
                        "12h",
                        "CCUI_AUTH_RATE_LIMIT",
                        "5/1h"),
                HOME);
        assertThat(config.production()).isTrue();
        assertThat(config.http().corsOrigins())
                .containsExactlyInAnyOrder("https://ccui.example.com", "https://b.example:8443");
        assertThat(config.accounts().jwtTtl()).isEqualTo(Duration.ofHours(12));
        assertThat(config.http().authLimit().capacity()).isEqualTo(5);
        assertThat(config.http().authLimit().period()).isEqualTo(Duration.ofHours(1));
        assertThat(config.toString()).doesNotContain("x".repeat(40)).doesNotContain("u:p@");
    }

    @Test
    void malformedValuesAreNamed() {
        assertThatThrownBy(() -> AppConfig.fromEnvironment(
                        Map.of(
                                "CCUI_PORT",
                                "http",
                                "JWT_TTL",
                                "forever",
                                "CCUI_ENV",
                                "staging",
                                "CCUI_TERMINAL_ENABLED",
                                "maybe"),
                        HOME))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .hasSize(4)
                                .anySatisfy(p -> assertThat(p).startsWith("CCUI_PORT must be"))
                                .anySatisfy(p -> assertThat(p).startsWith("JWT_TTL must be"))
                                .anySatisfy(p -> assertThat(p).startsWith("CCUI_ENV must be"))
                                .anySatisfy(p -> assertThat(p).startsWith("CCUI_TERMINAL_ENABLED must be")));
    }

    @Test
    void nodeAndMaintenanceSettingsHaveDefaultsAndAreChecked() {
        AppConfig config = AppConfig.fromEnvironment(Map.of(), HOME);
        assertThat(config.runs().nodeId()).isEmpty();
        assertThat(config.runs().nodeTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.operations().maintenance().retryAfter()).isEqualTo(Duration.ofSeconds(120));
        assertThat(AppConfig.fromEnvironment(
                        Map.of("CCUI_NODE_ID", "app-1.eu", "CCUI_MAINTENANCE_RETRY_AFTER", "5m"), HOME))
                .satisfies(c -> assertThat(c.runs().nodeId()).contains("app-1.eu"))
                .satisfies(c ->
                        assertThat(c.operations().maintenance().retryAfter()).isEqualTo(Duration.ofMinutes(5)));
        assertThatThrownBy(() ->
                        AppConfig.fromEnvironment(Map.of("CCUI_NODE_ID", "../etc", "CCUI_NODE_TIMEOUT", "1s"), HOME))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .hasSize(2)
                                .anySatisfy(p -> assertThat(p).startsWith("CCUI_NODE_ID must be"))
                                .anySatisfy(p -> assertThat(p).startsWith("CCUI_NODE_TIMEOUT must be")));
    }

    @Test
    void everyCliTheAppStartsKeepsTranscriptsUnlessTheOperatorChoosesAPeriod() {
        assertThat(AppConfig.fromEnvironment(Map.of(), HOME).claude().cleanup().arguments())
                .containsExactly("--settings", "{\"cleanupPeriodDays\":36500}");
        assertThat(AppConfig.fromEnvironment(Map.of("CCUI_CLI_CLEANUP_PERIOD_DAYS", "90"), HOME)
                        .claude()
                        .cleanup()
                        .arguments())
                .containsExactly("--settings", "{\"cleanupPeriodDays\":90}");
        assertThat(AppConfig.fromEnvironment(Map.of("CCUI_CLI_CLEANUP_PERIOD_DAYS", "cli"), HOME)
                        .claude()
                        .cleanup()
                        .arguments())
                .isEmpty();
        for (String bad : new String[] {"0", "-1", "1.5", "36501", "forever"}) {
            assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("CCUI_CLI_CLEANUP_PERIOD_DAYS", bad), HOME))
                    .isInstanceOfSatisfying(
                            ConfigException.class,
                            e -> assertThat(e.problems())
                                    .containsExactly(
                                            "CCUI_CLI_CLEANUP_PERIOD_DAYS must be 'keep' (never delete transcripts), 'cli' (the CLI's own"
                                                    + " setting, 30 days unless set) or a number of days from 1 to 36500, not '"
                                                    + bad + "'"));
        }
    }

    @Test
    void theArchiveIsOnAndKeepsEverythingUnlessConfigured() {
        AppConfig defaults = AppConfig.fromEnvironment(Map.of(), HOME);
        assertThat(defaults.claude().archive()).isTrue();
        assertThat(defaults.claude().archiveRetention()).isEmpty();
        AppConfig set =
                AppConfig.fromEnvironment(Map.of("CCUI_ARCHIVE", "off", "CCUI_ARCHIVE_RETENTION", "365d"), HOME);
        assertThat(set.claude().archive()).isFalse();
        assertThat(set.claude().archiveRetention()).contains(Duration.ofDays(365));
        assertThat(AppConfig.fromEnvironment(Map.of("CCUI_ARCHIVE_RETENTION", "Forever"), HOME)
                        .claude()
                        .archiveRetention())
                .isEmpty();
        assertThatThrownBy(() -> AppConfig.fromEnvironment(
                        Map.of("CCUI_ARCHIVE", "maybe", "CCUI_ARCHIVE_RETENTION", "2h"), HOME))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .containsExactlyInAnyOrder(
                                        "CCUI_ARCHIVE must be true or false, not 'maybe'",
                                        "CCUI_ARCHIVE_RETENTION must be 'forever' or a duration of at least 1d (e.g. 365d), not '2h'"));
    }

    @Test
    void webPushGoesToTheKnownPushServicesAndLoopbackHttpIsForTestsOnly() {
        AppConfig defaults = AppConfig.fromEnvironment(Map.of(), HOME);
        assertThat(defaults.push().serviceHosts()).contains("fcm.googleapis.com", ".push.services.mozilla.com");
        assertThat(defaults.push().allowLoopbackHttp()).isFalse();
        assertThat(AppConfig.fromEnvironment(Map.of("CCUI_PUSH_ALLOW_LOOPBACK_HTTP", "true"), HOME)
                        .push()
                        .allowLoopbackHttp())
                .isTrue();
        assertThatThrownBy(() -> AppConfig.fromEnvironment(
                        Map.of("CCUI_ENV", "production", "CCUI_PUSH_ALLOW_LOOPBACK_HTTP", "true"), HOME))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .contains(
                                        "CCUI_PUSH_ALLOW_LOOPBACK_HTTP is for tests: it is refused with CCUI_ENV=production"));
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("CCUI_PUSH_SUBJECT", "ops@example.org"), HOME))
                .isInstanceOf(ConfigException.class);
    }
}
