package dev.ccui.application.auth.cache;

import dev.ccui.application.user.port.out.UserRepository;
import dev.ccui.domain.user.User;
import dev.ccui.domain.user.UserId;
import dev.ccui.domain.user.Username;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The user store, telling the {@link PrincipalCache} of every change to an account (role,
 * capabilities, disabled, password) before it returns, so the next request sees the account as
 * it is now.
 */
public final class ForgettingUserRepository implements UserRepository {
    private final UserRepository users;
    private final PrincipalCache cache;

    public ForgettingUserRepository(UserRepository users, PrincipalCache cache) {
        this.users = users;
        this.cache = cache;
    }

    @Override
    public boolean insert(User user) {
        return users.insert(user);
    }

    @Override
    public boolean insertFirst(User user) {
        return users.insertFirst(user);
    }

    @Override
    public Optional<User> findById(UserId id) {
        return users.findById(id);
    }

    @Override
    public Optional<User> findByUsername(Username username) {
        return users.findByUsername(username);
    }

    @Override
    public List<User> list() {
        return users.list();
    }

    @Override
    public long count() {
        return users.count();
    }

    @Override
    public long countActiveAdmins() {
        return users.countActiveAdmins();
    }

    @Override
    public void update(User user) {
        users.update(user);
        cache.forgetUser(user.id());
    }

    @Override
    public void recordLogin(UserId id, Instant at) {
        users.recordLogin(id, at);
    }

    @Override
    public boolean delete(UserId id) {
        boolean deleted = users.delete(id);
        cache.forgetUser(id);
        return deleted;
    }
}
