package dev.ccui.application.testing;

import dev.ccui.application.user.port.out.UserRepository;
import dev.ccui.domain.user.Role;
import dev.ccui.domain.user.User;
import dev.ccui.domain.user.UserId;
import dev.ccui.domain.user.Username;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Not final: a test may count or delay what it is asked. */
public class InMemoryUserRepository implements UserRepository {
    private final Map<UserId, User> users = new ConcurrentHashMap<>();
    /** What refers to a user and goes with them (the database's foreign keys). */
    private final List<Consumer<UserId>> onDelete = new CopyOnWriteArrayList<>();

    @Override
    public synchronized boolean insert(User user) {
        if (findByUsername(user.username()).isPresent()) {
            return false;
        }
        users.put(user.id(), user);
        return true;
    }

    @Override
    public synchronized boolean insertFirst(User user) {
        return users.isEmpty() && insert(user);
    }

    @Override
    public Optional<User> findById(UserId id) {
        return Optional.ofNullable(users.get(id));
    }

    @Override
    public Optional<User> findByUsername(Username username) {
        return users.values().stream()
                .filter(u -> u.username().equals(username))
                .findFirst();
    }

    @Override
    public List<User> list() {
        return users.values().stream()
                .sorted(Comparator.comparing(u -> u.username().value()))
                .toList();
    }

    @Override
    public long count() {
        return users.size();
    }

    @Override
    public long countActiveAdmins() {
        return users.values().stream()
                .filter(u -> u.role() == Role.ADMIN && !u.disabled())
                .count();
    }

    @Override
    public void update(User user) {
        users.put(user.id(), user);
    }

    @Override
    public void recordLogin(UserId id, Instant at) {
        users.computeIfPresent(id, (k, u) -> u.withLastLoginAt(at));
    }

    @Override
    public boolean delete(UserId id) {
        boolean deleted = users.remove(id) != null;
        if (deleted) {
            onDelete.forEach(cascade -> cascade.accept(id));
        }
        return deleted;
    }

    void onDelete(Consumer<UserId> cascade) {
        onDelete.add(cascade);
    }
}
