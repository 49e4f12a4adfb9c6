package dev.ccui.bootstrap.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ccui sessions revoke-all}: signs every account out, from the server's own shell (incidents, secret rotation). */
@Command(
        name = "sessions",
        description = "Sessions of every account, directly in the database (run on the server).",
        subcommands = {SessionsCommand.RevokeAll.class})
public final class SessionsCommand {

    @Spec
    CommandSpec spec;

    @Command(
            name = "revoke-all",
            description =
                    "Sign every account out everywhere: every session token is revoked "
                            + "(API keys stay). Use after a secret leaked, or to end what a rotated-out JWT_SECRET_PREVIOUS signed.")
    static final class RevokeAll implements Callable<Integer> {
        @ParentCommand
        SessionsCommand parent;

        @Override
        public Integer call() {
            return AdminAccounts.run(
                    parent.spec,
                    (accounts, out) -> out.println("revoked " + accounts.revokeAllSessionsLocally()
                            + " session token(s): every account signs in again"));
        }
    }
}
