package dev.ccui.adapters.http.push;

import static dev.ccui.adapters.http.security.Authentication.caller;

import dev.ccui.adapters.http.RouteGroup;
import dev.ccui.adapters.http.json.Json;
import dev.ccui.adapters.http.security.Access;
import dev.ccui.application.push.port.in.PushUseCase;
import dev.ccui.application.push.port.in.PushUseCase.SubscribeCommand;
import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.error.NotFoundException;
import dev.ccui.domain.push.PushSubscription;
import dev.ccui.domain.push.PushSubscriptionId;
import dev.ccui.domain.push.PushTopic;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /api/push/*}: the VAPID public key, the caller's own devices and their choice of
 * notifications. The endpoint of a device is returned only as its push service's origin: its
 * path is what lets anyone send to the device.
 */
public final class PushRoutes implements RouteGroup {
    private final PushUseCase push;

    public PushRoutes(PushUseCase push) {
        this.push = push;
    }

    record Keys(String p256dh, String auth) {}

    record SubscribeBody(String endpoint, Keys keys, String device) {}

    record SubscriptionView(String id, String service, String device, Instant createdAt) {
        static SubscriptionView of(PushSubscription s) {
            URI endpoint = URI.create(s.endpoint());
            return new SubscriptionView(
                    s.id().toString(),
                    endpoint.getScheme() + "://" + endpoint.getRawAuthority(),
                    s.device(),
                    s.createdAt());
        }
    }

    record ListView(List<SubscriptionView> items) {}

    record KeyView(String publicKey) {}

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/push/vapid-public-key", ctx -> ctx.json(new KeyView(push.publicKey())), Access.USER);
        routes.get(
                "/api/push/subscriptions",
                ctx -> ctx.json(new ListView(push.subscriptions(caller(ctx)).stream()
                        .map(SubscriptionView::of)
                        .toList())),
                Access.USER);
        routes.post("/api/push/subscriptions", this::subscribe, Access.USER);
        routes.delete(
                "/api/push/subscriptions/{id}",
                ctx -> {
                    push.unsubscribe(
                            caller(ctx),
                            PushSubscriptionId.parse(ctx.pathParam("id"))
                                    .orElseThrow(() -> new NotFoundException("no such push subscription")));
                    ctx.status(204);
                },
                Access.USER);
        routes.get("/api/push/preferences", ctx -> ctx.json(view(push.preferences(caller(ctx)))), Access.USER);
        routes.put("/api/push/preferences", this::updatePreferences, Access.USER);
    }

    private void subscribe(Context ctx) {
        SubscribeBody body = Json.body(ctx, SubscribeBody.class);
        if (body.keys() == null) {
            throw new InvalidException("keys", "keys {p256dh, auth} are required");
        }
        var subscribed = push.subscribe(
                caller(ctx),
                new SubscribeCommand(
                        body.endpoint(), body.keys().p256dh(), body.keys().auth(), body.device()));
        ctx.status(subscribed.created() ? 201 : 200).json(SubscriptionView.of(subscribed.subscription()));
    }

    /** Every topic named with true or false; a topic left out keeps its current choice. */
    private void updatePreferences(Context ctx) {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = Json.body(ctx, Map.class);
        Set<PushTopic> chosen = EnumSet.noneOf(PushTopic.class);
        chosen.addAll(push.preferences(caller(ctx)));
        for (Map.Entry<String, Object> entry : body.entrySet()) {
            PushTopic topic = PushTopic.fromWire(entry.getKey());
            if (!(entry.getValue() instanceof Boolean on)) {
                throw new InvalidException(entry.getKey(), entry.getKey() + " must be true or false");
            }
            if (on) {
                chosen.add(topic);
            } else {
                chosen.remove(topic);
            }
        }
        ctx.json(view(push.updatePreferences(caller(ctx), chosen)));
    }

    private static Map<String, Boolean> view(Set<PushTopic> chosen) {
        Map<String, Boolean> view = new LinkedHashMap<>();
        for (PushTopic topic : PushTopic.values()) {
            view.put(topic.wireName(), chosen.contains(topic));
        }
        return view;
    }
}
