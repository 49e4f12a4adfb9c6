package dev.ccui.application.user.port.out;

import dev.ccui.domain.user.User;
import dev.ccui.domain.user.UserId;
import dev.ccui.domain.user.Username;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface UserRepository {

    /** Inserts a user; false when the username is taken. */
    boolean insert(User user);

    /** Inserts the user only when no user exists at all (first-run setup); false otherwise. */
    boolean insertFirst(User user);

    Optional<User> findById(UserId id);

    Optional<User> findByUsername(Username username);

    List<User> list();

    long count();

    long countActiveAdmins();

    void update(User user);

    void recordLogin(UserId id, Instant at);

    boolean delete(UserId id);
}
