package dev.ccui.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.FileSize;
import dev.ccui.bootstrap.config.AppConfig;
import java.util.List;
import net.logstash.logback.encoder.LogstashEncoder;

/**
 * The logging, set up in code before the first logger exists: console plus {@code combined.log}
 * and {@code error.log} in the data dir, rotated by size and day (gzip), JSON lines when
 * {@code LOG_FORMAT=json}. {@link #configure} leaves the choices in system properties; Logback
 * finds this class as its {@link Configurator} (META-INF/services) when it starts. In code rather
 * than in an XML file: Logback's XML configuration took about 80 ms of CPU on every start, on
 * the main thread before anything else could happen. Without those properties (the tests'
 * JVMs) it steps aside, and Logback reads {@code logback-test.xml} as usual.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class Logging extends ContextAwareBase implements Configurator {
    private static final String DIR = "ccui.logDir";
    private static final String LEVEL = "ccui.logLevel";
    private static final String CONSOLE_LEVEL = "ccui.consoleLevel";
    private static final String FORMAT = "ccui.logFormat";
    private static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX,UTC} %-5level [%thread] "
            + "[%X{requestId:-}] [%X{userId:-}] %logger{36} - %msg%n";
    /** Chatty libraries: their warnings only. */
    private static final List<String> QUIET =
            List.of("org.eclipse.jetty", "io.javalin", "org.flywaydb", "com.zaxxer.hikari", "io.lettuce");

    /** Logback's service loader needs a public no-argument constructor. */
    public Logging() {}

    static void configure(AppConfig config, boolean quietConsole) {
        System.setProperty(DIR, config.dataDir().toString());
        System.setProperty(LEVEL, config.operations().logLevel());
        System.setProperty(CONSOLE_LEVEL, quietConsole ? "WARN" : "TRACE");
        System.setProperty(FORMAT, config.operations().logFormat());
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        String dir = System.getProperty(DIR);
        if (dir == null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        boolean json = "json".equals(System.getProperty(FORMAT));
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(System.getProperty(LEVEL), Level.INFO));
        QUIET.forEach(name -> context.getLogger(name).setLevel(Level.WARN));

        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        root.addAppender(started(
                context, console, "CONSOLE", json, Level.toLevel(System.getProperty(CONSOLE_LEVEL), Level.TRACE)));
        root.addAppender(started(context, rolling(context, dir, "combined", 14, "1GB"), "COMBINED", json, null));
        root.addAppender(started(context, rolling(context, dir, "error", 30, "500MB"), "ERRORS", json, Level.ERROR));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** {@code <dir>/<name>.log}, rolled at 20 MB and at midnight into gzip files kept {@code days} days. */
    private static RollingFileAppender<ILoggingEvent> rolling(
            LoggerContext context, String dir, String name, int days, String cap) {
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setFile(dir + "/" + name + ".log");
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(appender);
        policy.setFileNamePattern(dir + "/" + name + ".%d{yyyy-MM-dd}.%i.log.gz");
        policy.setMaxFileSize(FileSize.valueOf("20MB"));
        policy.setMaxHistory(days);
        policy.setTotalSizeCap(FileSize.valueOf(cap));
        policy.start();
        appender.setRollingPolicy(policy);
        return appender;
    }

    /** The appender with its encoder and, when {@code threshold} is set, what it lets through, started. */
    private static Appender<ILoggingEvent> started(
            LoggerContext context,
            OutputStreamAppender<ILoggingEvent> appender,
            String name,
            boolean json,
            Level threshold) {
        appender.setContext(context);
        appender.setName(name);
        if (threshold != null) {
            ThresholdFilter filter = new ThresholdFilter();
            filter.setContext(context);
            filter.setLevel(threshold.levelStr);
            filter.start();
            appender.addFilter(filter);
        }
        appender.setEncoder(encoder(context, json));
        appender.start();
        return appender;
    }

    private static Encoder<ILoggingEvent> encoder(LoggerContext context, boolean json) {
        if (json) {
            LogstashEncoder encoder = new LogstashEncoder();
            encoder.setTimeZone("UTC");
            encoder.setContext(context);
            encoder.start();
            return encoder;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        return encoder;
    }
}
