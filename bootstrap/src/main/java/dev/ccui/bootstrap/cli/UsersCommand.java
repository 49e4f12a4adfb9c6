package dev.ccui.bootstrap.cli;

import dev.ccui.domain.user.Role;
import dev.ccui.domain.user.User;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ccui users list|create|reset-password}: accounts, from the server's own shell. */
@Command(
        name = "users",
        description = "Manage accounts directly in the database (run on the server).",
        subcommands = {UsersCommand.ListUsers.class, UsersCommand.Create.class, UsersCommand.ResetPassword.class})
public final class UsersCommand {

    @Spec
    CommandSpec spec;

    /** Runs {@code action} against the configured database, mapping failures to exit codes. */
    int withAccounts(AdminAccounts.Action action) {
        return AdminAccounts.run(spec, action);
    }

    static String readPassword(boolean fromStdin) throws IOException {
        if (fromStdin) {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                throw new IOException("no password on standard input");
            }
            return line;
        }
        Console console = System.console();
        if (console == null) {
            throw new IOException("no terminal to ask for the password: pipe it in with --password-stdin");
        }
        char[] first = console.readPassword("New password: ");
        char[] second = console.readPassword("Repeat it: ");
        if (first == null || second == null || !Arrays.equals(first, second)) {
            throw new IOException("the two passwords differ");
        }
        return new String(first);
    }

    /** The options every command about one account takes. */
    static final class Account {
        @Option(names = "--username", required = true, description = "login name")
        String username;

        @Option(names = "--password-stdin", description = "read the password from standard input instead of asking")
        boolean passwordStdin;

        String password() throws IOException {
            return readPassword(passwordStdin);
        }
    }

    static void print(PrintWriter out, User user) {
        out.printf(
                "%s  %-24s %-7s %s%n",
                user.id(), user.username().value(), user.role().wireName(), user.disabled() ? "disabled" : "enabled");
    }

    @Command(name = "list", description = "List every account.")
    static final class ListUsers implements Callable<Integer> {
        @ParentCommand
        UsersCommand parent;

        @Override
        public Integer call() {
            return parent.withAccounts(
                    (accounts, out) -> accounts.listUsersLocally().forEach(user -> print(out, user)));
        }
    }

    @Command(name = "create", description = "Create an account.")
    static final class Create implements Callable<Integer> {
        @ParentCommand
        UsersCommand parent;

        @Mixin
        Account account;

        @Option(names = "--role", defaultValue = "member", description = "admin or member (default: ${DEFAULT-VALUE})")
        String role;

        @Override
        public Integer call() {
            return parent.withAccounts((accounts, out) -> {
                Role parsed = Role.fromWire(role);
                User user = accounts.createUserLocally(account.username, account.password(), parsed);
                out.print("created ");
                print(out, user);
            });
        }
    }

    @Command(name = "reset-password", description = "Set a new password and end the account's sessions.")
    static final class ResetPassword implements Callable<Integer> {
        @ParentCommand
        UsersCommand parent;

        @Mixin
        Account account;

        @Override
        public Integer call() {
            return parent.withAccounts((accounts, out) -> {
                User user = accounts.resetPasswordLocally(account.username, account.password());
                out.print("password reset for ");
                print(out, user);
            });
        }
    }
}
