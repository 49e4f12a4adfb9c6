package dev.ccui.application.push.port.in;

import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.push.PushSubscription;
import dev.ccui.domain.push.PushSubscriptionId;
import dev.ccui.domain.push.PushTopic;
import java.util.List;
import java.util.Set;

/** Web Push: the caller's devices and which notifications they get. */
public interface PushUseCase {

    /** The server's VAPID public key (base64url), which browsers bind their subscriptions to. */
    String publicKey();

    /** Registers the caller's browser, or renews its keys when it is already registered. */
    Subscribed subscribe(Principal caller, SubscribeCommand command);

    List<PushSubscription> subscriptions(Principal caller);

    /** Forgets one of the caller's devices; another user's is not found. */
    void unsubscribe(Principal caller, PushSubscriptionId id);

    Set<PushTopic> preferences(Principal caller);

    Set<PushTopic> updatePreferences(Principal caller, Set<PushTopic> topics);

    /** A browser's subscription as the Push API gives it, plus a name for the device list. */
    record SubscribeCommand(String endpoint, String p256dh, String auth, String device) {}

    /** @param created false when the browser was already registered (its keys were renewed) */
    record Subscribed(PushSubscription subscription, boolean created) {}
}
