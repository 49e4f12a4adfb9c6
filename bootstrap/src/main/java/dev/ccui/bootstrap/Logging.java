package dev.ccui.bootstrap;

import dev.ccui.bootstrap.config.AppConfig;

/**
 * Points Logback at the data dir and the chosen format before the first logger exists: console
 * plus {@code combined.log} and {@code error.log} in the data dir, rotated by size and day, JSON lines
 * when {@code LOG_FORMAT=json}.
 */
final class Logging {
    private Logging() {}

    static void configure(AppConfig config, boolean quietConsole) {
        System.setProperty("ccui.logDir", config.dataDir().toString());
        System.setProperty("ccui.logLevel", config.operations().logLevel());
        System.setProperty("ccui.consoleLevel", quietConsole ? "WARN" : "TRACE");
        System.setProperty(
                "logback.configurationFile",
                config.operations().logFormat().equals("json") ? "logback-json.xml" : "logback-text.xml");
    }
}
