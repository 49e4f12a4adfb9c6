package dev.ccui.application.user;

import dev.ccui.application.audit.Auditor;
import dev.ccui.application.common.ClientInfo;
import dev.ccui.application.sandbox.port.out.ProcessSandbox;
import dev.ccui.application.user.port.in.CreateUserCommand;
import dev.ccui.application.user.port.in.UpdateUserCommand;
import dev.ccui.application.user.port.in.UserUseCase;
import dev.ccui.application.user.port.out.AccountSessions;
import dev.ccui.application.user.port.out.PasswordHasher;
import dev.ccui.application.user.port.out.UserRepository;
import dev.ccui.domain.audit.AuditAction;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.error.ConflictException;
import dev.ccui.domain.error.ForbiddenException;
import dev.ccui.domain.error.NotFoundException;
import dev.ccui.domain.user.PasswordPolicy;
import dev.ccui.domain.user.Role;
import dev.ccui.domain.user.User;
import dev.ccui.domain.user.UserId;
import dev.ccui.domain.user.Username;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Accounts administration. There is always at least one enabled admin. */
public final class UserAdminService implements UserUseCase {
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final Auditor auditor;
    private final Clock clock;
    private final AccountSessions sessions;
    private final Object adminGuard = new Object();
    private final ProcessSandbox sandbox;

    public UserAdminService(
            UserRepository users, PasswordHasher hasher, Auditor auditor, Clock clock, AccountSessions sessions) {
        this(users, hasher, auditor, clock, sessions, null);
    }

    /**
     * @param sandbox where user processes run; when it does not isolate them ({@code CCUI_SANDBOX=none}),
     *                a second account is refused (409 {@code SANDBOX_REQUIRED}): that user's runs would see the first one's data
     */
    public UserAdminService(
            UserRepository users,
            PasswordHasher hasher,
            Auditor auditor,
            Clock clock,
            AccountSessions sessions,
            ProcessSandbox sandbox) {
        this.sandbox = sandbox;
        this.sessions = sessions;
        this.users = users;
        this.hasher = hasher;
        this.auditor = auditor;
        this.clock = clock;
    }

    @Override
    public List<User> listUsers(Principal caller) {
        requireAdmin(caller);
        return users.list();
    }

    @Override
    public User getUser(Principal caller, UserId userId) {
        requireAdmin(caller);
        return find(userId);
    }

    @Override
    public User createUser(Principal caller, CreateUserCommand command, ClientInfo client) {
        requireAdmin(caller);
        User created = insert(command);
        auditor.record(
                AuditAction.USER_CREATED,
                caller,
                created.username().value(),
                client,
                true,
                "role " + created.role().wireName());
        return created;
    }

    @Override
    public User updateUser(Principal caller, UserId userId, UpdateUserCommand command, ClientInfo client) {
        requireAdmin(caller);
        synchronized (adminGuard) {
            User before = find(userId);
            Instant now = clock.instant();
            User after = before;
            if (command.role() != null) {
                after = after.withRole(command.role(), now);
            }
            if (command.disabled() != null) {
                after = after.withDisabled(command.disabled(), now);
            }
            if (command.password() != null) {
                after = after.withPasswordHash(hasher.hash(command.password()), now);
            }
            if (command.capabilities() != null) {
                after = after.withCapabilities(command.capabilities(), now);
            }
            if (before.isActiveAdmin() && !after.isActiveAdmin() && users.countActiveAdmins() <= 1) {
                throw new ConflictException("LAST_ADMIN", "this is the last enabled admin: make another admin first");
            }
            users.update(after);
            boolean cutOff = (after.disabled() && !before.disabled()) || command.password() != null;
            if (cutOff) {
                sessions.revokeAll(after.id(), now);
                sessions.ended(after.id());
            } else if ((before.role() == Role.ADMIN && after.role() != Role.ADMIN)
                    || !after.capabilities().containsAll(before.capabilities())) {
                // Open connections were authorised with the old rights: they must be re-opened.
                sessions.rightsReduced(after.id());
            }
            auditor.record(AuditAction.USER_UPDATED, caller, after.username().value(), client, true, describe(command));
            return after;
        }
    }

    @Override
    public void deleteUser(Principal caller, UserId userId, ClientInfo client) {
        requireAdmin(caller);
        synchronized (adminGuard) {
            User user = find(userId);
            if (user.isActiveAdmin() && users.countActiveAdmins() <= 1) {
                throw new ConflictException("LAST_ADMIN", "this is the last enabled admin: make another admin first");
            }
            sessions.revokeAll(user.id(), clock.instant());
            users.delete(user.id());
            sessions.ended(user.id());
            auditor.record(AuditAction.USER_DELETED, caller, user.username().value(), client, true, null);
        }
    }

    @Override
    public User createUserLocally(String username, String password, Role role) {
        User created = insert(new CreateUserCommand(new Username(username), password, role));
        auditor.record(
                AuditAction.USER_CREATED,
                null,
                "cli",
                created.username().value(),
                ClientInfo.INTERNAL,
                true,
                "role " + created.role().wireName());
        return created;
    }

    @Override
    public User resetPasswordLocally(String username, String newPassword) {
        PasswordPolicy.check("password", newPassword);
        User user = users.findByUsername(new Username(username))
                .orElseThrow(() -> new NotFoundException("no user named " + username));
        Instant now = clock.instant();
        User updated = user.withPasswordHash(hasher.hash(newPassword), now);
        users.update(updated);
        sessions.revokeAll(user.id(), now);
        sessions.ended(user.id());
        auditor.record(
                AuditAction.PASSWORD_RESET, null, "cli", user.username().value(), ClientInfo.INTERNAL, true, null);
        return updated;
    }

    @Override
    public int revokeAllSessions(Principal caller, ClientInfo client) {
        requireAdmin(caller);
        int revoked = revokeAll();
        auditor.record(AuditAction.SESSIONS_REVOKED_ALL, caller, "all accounts", client, true, revoked + " token(s)");
        return revoked;
    }

    @Override
    public int revokeAllSessionsLocally() {
        int revoked = revokeAll();
        auditor.record(
                AuditAction.SESSIONS_REVOKED_ALL,
                null,
                "cli",
                "all accounts",
                ClientInfo.INTERNAL,
                true,
                revoked + " token(s)");
        return revoked;
    }

    /** Account by account, through the token store's own revocation (so every node's caches hear of it). */
    private int revokeAll() {
        Instant now = clock.instant();
        int revoked = 0;
        for (User user : users.list()) {
            revoked += sessions.revokeAll(user.id(), now);
            sessions.ended(user.id());
        }
        return revoked;
    }

    @Override
    public List<User> listUsersLocally() {
        return users.list();
    }

    private User insert(CreateUserCommand command) {
        if (sandbox != null && !sandbox.isolates() && users.count() >= 1) {
            throw new ConflictException(
                    "SANDBOX_REQUIRED",
                    "a second account needs the process sandbox: with CCUI_SANDBOX="
                            + sandbox.mode()
                            + " every user's runs, shells and git see the others' data (install bubblewrap, "
                            + "set CCUI_SANDBOX=bwrap)");
        }
        Instant now = clock.instant();
        User user = new User(
                UserId.random(),
                command.username(),
                command.role(),
                false,
                hasher.hash(command.password()),
                now,
                now,
                null);
        if (!users.insert(user)) {
            throw new ConflictException("USERNAME_TAKEN", "the username " + command.username() + " is taken");
        }
        return user;
    }

    private User find(UserId userId) {
        return users.findById(userId).orElseThrow(() -> new NotFoundException("no such user"));
    }

    private static void requireAdmin(Principal caller) {
        if (!caller.isAdmin()) {
            throw new ForbiddenException("only admins can manage users");
        }
    }

    private static String describe(UpdateUserCommand command) {
        List<String> parts = new ArrayList<>();
        if (command.role() != null) {
            parts.add("role " + command.role().wireName());
        }
        if (command.disabled() != null) {
            parts.add(command.disabled() ? "disabled" : "enabled");
        }
        if (command.password() != null) {
            parts.add("password reset");
        }
        if (command.capabilities() != null) {
            parts.add("capabilities "
                    + command.capabilities().stream()
                            .map(c -> c.wireName())
                            .sorted()
                            .toList());
        }
        return String.join(", ", parts);
    }
}
