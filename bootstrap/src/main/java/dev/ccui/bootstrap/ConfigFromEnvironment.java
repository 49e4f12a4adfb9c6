package dev.ccui.bootstrap;

import dev.ccui.bootstrap.components.Storage;
import dev.ccui.bootstrap.config.AppConfig;
import dev.ccui.bootstrap.config.ConfigException;
import java.io.UncheckedIOException;

/**
 * The configuration every command starts from: read from the environment, with logging pointed
 * at it, or each problem printed on its own line. Kept apart from {@link Main} so the admin
 * commands reach it without reaching the server.
 */
public final class ConfigFromEnvironment {
    /** The exit code of a configuration with problems. */
    public static final int CONFIG_ERROR = 2;

    private ConfigFromEnvironment() {}

    /** The configuration, or null once its problems are printed to standard error. */
    public static AppConfig load(boolean quietConsole) {
        try {
            AppConfig config = AppConfig.fromEnvironment(System.getenv(), AppConfig.home(System.getenv()));
            // Made owner-only before the logging writes its files there: Logback would otherwise
            // create the folder first, readable by every user of the machine (database included).
            Storage.prepareDataDir(config.dataDir());
            Logging.configure(config, quietConsole);
            return config;
        } catch (UncheckedIOException e) {
            System.err.println("ccui: cannot start: " + e.getMessage());
            return null;
        } catch (ConfigException e) {
            System.err.println("ccui: cannot start, the configuration has problems:");
            e.problems().forEach(problem -> System.err.println("  - " + problem));
            return null;
        }
    }
}
