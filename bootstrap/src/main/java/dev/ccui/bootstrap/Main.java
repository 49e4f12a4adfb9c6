package dev.ccui.bootstrap;

import dev.ccui.adapters.http.StartingServer;
import dev.ccui.bootstrap.cli.SessionsCommand;
import dev.ccui.bootstrap.cli.UsersCommand;
import dev.ccui.bootstrap.components.Storage;
import dev.ccui.bootstrap.config.AppConfig;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar ccui.jar} serves the app; {@code java -jar ccui.jar users …} administers
 * accounts on the server itself (the way back in when the last admin forgot the password).
 */
@Command(
        name = "ccui",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = "Claude Code UI: drive the Claude Code CLI from a browser.",
        subcommands = {Main.Serve.class, UsersCommand.class, SessionsCommand.class})
public final class Main implements Callable<Integer> {
    public static final int CONFIG_ERROR = ConfigFromEnvironment.CONFIG_ERROR;

    public static void main(String[] args) {
        // The server's own start skips the command line parser: picocli's classes are too old for
        // the start-up cache (class files before Java 6 are not archived), and building its model
        // took a third of a second before the port could answer.
        boolean serve = args.length == 0 || (args.length == 1 && args[0].equals("serve"));
        System.exit(serve ? new Serve().call() : run(args));
    }

    static int run(String[] args) {
        return new CommandLine(new Main())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .execute(args);
    }

    @Override
    public Integer call() {
        return new Serve().call();
    }

    @Command(name = "serve", description = "Run the server (the default).")
    static final class Serve implements Callable<Integer> {
        @Override
        public Integer call() {
            AppConfig config = ConfigFromEnvironment.load(false);
            if (config == null) {
                return CONFIG_ERROR;
            }
            StartingServer starting;
            try {
                // Answers "starting" (503, Retry-After) at once, before even the logging is set up;
                // the application takes the port over.
                starting = StartingServer.listen(
                        config.http().host(), config.http().port());
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(Main.class).error("could not start: {}", e.getMessage());
                return 1;
            }
            Logger log = LoggerFactory.getLogger(Main.class);
            log.info("starting Claude Code UI {} with {}", Version.current(), config);
            log.info(
                    "answering 'starting' on http://{}:{} while the application starts",
                    config.http().host(),
                    starting.port());
            if (Storage.openToOthers(config.dataDir())) {
                // Versions before 2026-12-04 let the logging create the folder with the default mode.
                log.warn(
                        "the data dir {} is open to other users of this machine (its database holds the accounts and the history index): chmod 700 it",
                        config.dataDir());
            }
            if (!config.loopbackOnly() && !config.production()) {
                log.warn(
                        "listening on {} beyond this machine in development mode: put it behind TLS and set CCUI_ENV=production",
                        config.http().host());
            }
            Application app;
            try {
                app = Application.build(config);
                app.start(starting);
            } catch (RuntimeException e) {
                starting.close();
                log.error("could not start: {}", e.getMessage(), e);
                return 1;
            }
            // This hook drains, then closes everything (the CLIs last): no part may stop on its own hook.
            app.runs().leaveShutdownToOwner();
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                log.info("shutting down");
                                try {
                                    app.drain(config.runs().drainTimeout());
                                } catch (RuntimeException e) {
                                    log.warn("draining failed: {}", e.getMessage(), e);
                                }
                                app.close();
                                stopped.countDown();
                            },
                            "ccui-shutdown"));
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        }
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"ccui " + Version.current()};
        }
    }
}
