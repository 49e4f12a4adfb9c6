package dev.ccui.application.push.port.out;

import dev.ccui.domain.push.VapidKeys;
import java.util.function.Supplier;

/** Where the server's one VAPID key pair is kept, so that subscriptions outlive a restart. */
public interface VapidKeyStore {

    /**
     * The stored pair; the first call ever stores {@code generate}'s. Nodes that race on a fresh
     * database all end up with the pair that was stored first.
     */
    VapidKeys loadOrCreate(Supplier<VapidKeys> generate);
}
