package dev.ccui.application.push.port.out;

import dev.ccui.domain.push.PushSubscription;
import dev.ccui.domain.push.PushSubscriptionId;
import dev.ccui.domain.push.PushTopic;
import dev.ccui.domain.user.UserId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The users' push subscriptions and their choice of topics. */
public interface PushSubscriptionStore {

    Optional<PushSubscription> findByEndpoint(UserId userId, String endpoint);

    /** Stores a new subscription, or replaces the keys and device name of the one with its id. */
    void save(PushSubscription subscription);

    /** Oldest first. */
    List<PushSubscription> listByUser(UserId userId);

    /** Deletes the subscription if it is {@code userId}'s; {@code false} when there is no such one. */
    boolean delete(PushSubscriptionId id, UserId userId);

    /** Deletes a subscription whatever its user (the push service said it is gone). */
    void delete(PushSubscriptionId id);

    /** Empty until the user chooses. */
    Optional<Set<PushTopic>> preferences(UserId userId);

    void savePreferences(UserId userId, Set<PushTopic> topics);
}
