package dev.ccui.application.push.port.out;

import dev.ccui.domain.push.PushNotification;
import dev.ccui.domain.push.PushSubscription;
import dev.ccui.domain.push.VapidKeys;

/** Encrypts a notification for one browser (RFC 8291) and hands it to its push service (RFC 8030, VAPID). */
public interface PushSender {

    /** A new VAPID key pair, made once per installation. */
    VapidKeys generateKeys();

    Delivery send(PushSubscription to, PushNotification notification, VapidKeys keys);

    /** What the push service said. */
    enum Delivery {
        DELIVERED,
        /** 404 or 410: the browser dropped the subscription, which must be forgotten. */
        GONE,
        /** Anything else (refused, unreachable, timed out): tried again with the next notification. */
        FAILED
    }
}
