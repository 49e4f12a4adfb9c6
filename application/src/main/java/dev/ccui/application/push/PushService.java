package dev.ccui.application.push;

import dev.ccui.application.push.port.in.PushUseCase;
import dev.ccui.application.push.port.out.PushSender;
import dev.ccui.application.push.port.out.PushSubscriptionStore;
import dev.ccui.application.push.port.out.VapidKeyStore;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.error.ConflictException;
import dev.ccui.domain.error.NotFoundException;
import dev.ccui.domain.push.PushNotification;
import dev.ccui.domain.push.PushSubscription;
import dev.ccui.domain.push.PushSubscriptionId;
import dev.ccui.domain.push.PushTopic;
import dev.ccui.domain.push.VapidKeys;
import dev.ccui.domain.user.UserId;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Subscriptions, preferences and delivery of Web Push notifications. */
public final class PushService implements PushUseCase {
    private static final Logger LOG = LoggerFactory.getLogger(PushService.class);
    /** A person has a few devices; more is a script filling the table. */
    static final int MAX_SUBSCRIPTIONS_PER_USER = 20;

    private final PushSubscriptionStore store;
    private final VapidKeyStore keyStore;
    private final PushSender sender;
    private final PushEndpointPolicy policy;
    private final Clock clock;
    private volatile VapidKeys keys;

    public PushService(
            PushSubscriptionStore store,
            VapidKeyStore keyStore,
            PushSender sender,
            PushEndpointPolicy policy,
            Clock clock) {
        this.store = store;
        this.keyStore = keyStore;
        this.sender = sender;
        this.policy = policy;
        this.clock = clock;
    }

    /** Loaded (or made and stored) on first use, then kept: the pair never changes once stored. */
    private VapidKeys keys() {
        VapidKeys loaded = keys;
        if (loaded == null) {
            synchronized (this) {
                loaded = keys;
                if (loaded == null) {
                    loaded = keyStore.loadOrCreate(sender::generateKeys);
                    keys = loaded;
                }
            }
        }
        return loaded;
    }

    @Override
    public String publicKey() {
        return keys().publicKey();
    }

    @Override
    public Subscribed subscribe(Principal caller, SubscribeCommand command) {
        policy.check(command.endpoint());
        Optional<PushSubscription> existing = store.findByEndpoint(caller.userId(), command.endpoint());
        if (existing.isPresent()) {
            PushSubscription renewed = existing.get().withKeys(command.p256dh(), command.auth(), command.device());
            store.save(renewed);
            return new Subscribed(renewed, false);
        }
        PushSubscription subscription = new PushSubscription(
                PushSubscriptionId.random(),
                caller.userId(),
                command.endpoint(),
                command.p256dh(),
                command.auth(),
                command.device(),
                clock.instant());
        if (store.listByUser(caller.userId()).size() >= MAX_SUBSCRIPTIONS_PER_USER) {
            throw new ConflictException(
                    "PUSH_SUBSCRIPTION_LIMIT", "at most 20 devices per user: remove one in the settings first");
        }
        store.save(subscription);
        return new Subscribed(subscription, true);
    }

    @Override
    public List<PushSubscription> subscriptions(Principal caller) {
        return store.listByUser(caller.userId());
    }

    @Override
    public void unsubscribe(Principal caller, PushSubscriptionId id) {
        if (!store.delete(id, caller.userId())) {
            throw new NotFoundException("no such push subscription");
        }
    }

    @Override
    public Set<PushTopic> preferences(Principal caller) {
        return preferencesOf(caller.userId());
    }

    @Override
    public Set<PushTopic> updatePreferences(Principal caller, Set<PushTopic> topics) {
        Set<PushTopic> chosen = topics.isEmpty() ? EnumSet.noneOf(PushTopic.class) : EnumSet.copyOf(topics);
        store.savePreferences(caller.userId(), chosen);
        return chosen;
    }

    private Set<PushTopic> preferencesOf(UserId user) {
        return store.preferences(user).orElseGet(PushTopic::defaults);
    }

    /**
     * Sends {@code notification} to every device of {@code user} who chose its topic; devices
     * whose push service says they are gone are forgotten. Blocks while sending: callers hand it
     * to a worker, never to a thread of a run.
     *
     * @return how many devices took it
     */
    public int notify(UserId user, PushNotification notification) {
        if (!preferencesOf(user).contains(notification.topic())) {
            return 0;
        }
        List<PushSubscription> devices = store.listByUser(user);
        if (devices.isEmpty()) {
            return 0;
        }
        VapidKeys pair = keys();
        int delivered = 0;
        for (PushSubscription device : devices) {
            switch (sender.send(device, notification, pair)) {
                case DELIVERED -> delivered++;
                case GONE -> {
                    store.delete(device.id());
                    LOG.info("push subscription {} of user {} is gone: removed", device.id(), user);
                }
                case FAILED -> {
                    // The sender logged why; the next notification tries this device again.
                }
            }
        }
        return delivered;
    }
}
