package org.hearth.hub.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hearth.hub.store.AccessEntry;
import org.hearth.hub.store.Device;
import org.hearth.hub.store.Enrolment;
import org.hearth.hub.push.AlertPushes;
import org.hearth.hub.push.WebPush;
import org.hearth.hub.store.HubStore;
import org.hearth.hub.store.PushSubscription;

/**
 * {@code POST /enrol}, {@code GET /devices}, {@code DELETE /devices/{device}}, and Web Push:
 * {@code GET /push/key}, {@code PUT|DELETE /devices/self/push}, {@code POST /devices/self/test}.
 */
final class DeviceEndpoints {

    static final String COOKIE = "hearth_device";
    /** A year; the device enrols again after that. */
    static final long COOKIE_MAX_AGE_SECONDS = 31_536_000;

    private final HubStore store;
    private final Clock clock;
    private final LiveStreams streams;
    private final Optional<AlertPushes> pushes;

    DeviceEndpoints(HubStore store, Clock clock, LiveStreams streams, Optional<AlertPushes> pushes) {
        this.store = store;
        this.clock = clock;
        this.streams = streams;
        this.pushes = pushes;
    }

    private AlertPushes pushes() {
        return pushes.orElseThrow(() -> ApiException.notFound("Web Push is not set up on this hub"));
    }

    /** {@code GET /push/key}: the VAPID public key for {@code PushManager.subscribe}. */
    void pushKey(Call call) throws IOException {
        call.respond(200, Call.JSON.createObjectNode().put("public_key", pushes().publicKey()));
    }

    /** {@code PUT /devices/self/push}: the browser's {@code PushSubscription} as JSON; it replaces the one before. */
    void subscribe(Call call, Device self) throws IOException {
        pushes();
        ObjectNode body = call.body();
        String endpoint = Call.text(body, "endpoint", true, 2000).orElseThrow();
        if (!(body.get("keys") instanceof ObjectNode keys)) {
            throw ApiException.badRequest("keys: required, with p256dh and auth");
        }
        String p256dh = Call.text(keys, "p256dh", true, 200).orElseThrow();
        String auth = Call.text(keys, "auth", true, 100).orElseThrow();
        try {
            WebPush.check(endpoint, p256dh, auth);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        store.putPushSubscription(new PushSubscription(self.id(), endpoint, p256dh, auth, clock.instant()));
        call.respond(204, null);
    }

    /** {@code DELETE /devices/self/push}: the app unsubscribed (or notifications were turned off). */
    void unsubscribe(Call call, Device self) throws IOException {
        store.pushSubscription(self.id()).ifPresent(s -> store.deletePushSubscription(self.id(), s.endpoint()));
        call.respond(204, null);
    }

    /** {@code POST /devices/self/test}: a test notification to this device, over its live streams and by push. */
    void test(Call call, Device self) throws IOException {
        call.body();
        Instant now = clock.instant();
        String payload = AlertPushes.testPayload(self, now);
        int streamsTold = streams.tellDevice(self.id(), "test", payload);
        boolean pushed = pushes.map(p -> p.test(self, now)).orElse(false);
        call.respond(202, Call.JSON.createObjectNode().put("streams", streamsTold).put("push", pushed));
    }

    /** The device the request's cookie names, not revoked; else 401. */
    Device caller(Call call) {
        return call.cookie(COOKIE).flatMap(credential -> store.deviceByCredential(Invites.hash(credential)))
                .orElseThrow(() -> new ApiException(401, "not_enrolled", "this device is not enrolled, or was revoked; enrol with an invite"));
    }

    void enrol(Call call) throws IOException {
        ObjectNode body = call.body();
        String code = Invites.codeIn(Call.text(body, "code", true, 2000).orElseThrow())
                .orElseThrow(() -> ApiException.badRequest("code: not an invite code; it looks like 7KX4-2Q9M"));
        String name = Call.text(body, "device_name", true, 100).orElseThrow();
        String credential = Invites.newCredential();
        Instant now = clock.instant();
        Enrolment enrolment = store.enrol(Invites.hash(code), name, Invites.hash(credential), now);
        switch (enrolment.status()) {
            case NOT_FOUND -> throw ApiException.notFound("no invite has this code; check it, or ask for a new one");
            case EXPIRED -> throw new ApiException(410, "expired", "this invite has expired (they last 72 hours); ask for a new one");
            case ALREADY_USED -> throw new ApiException(409, "already_used", "this invite was used already; ask for a new one");
            case ENROLLED -> {
            }
        }
        Device device = enrolment.device().orElseThrow();
        ArrayNode homes = Call.JSON.createArrayNode();
        for (Device.Grant grant : device.homes()) {
            store.logAccess(new AccessEntry(now, device.id(), grant.homeId(), "enrolled"));
            homes.addObject().put("id", grant.homeId()).put("label", store.home(grant.homeId()).map(h -> h.label()).orElse(""))
                    .put("level", grant.level());
        }
        ObjectNode answer = Call.JSON.createObjectNode();
        answer.putObject("device").put("id", device.id()).put("name", device.name());
        answer.put("carer", device.carer());
        if (device.operator()) {
            answer.put("operator_of", device.operatorOrg());
        }
        answer.set("homes", homes);
        call.header("Set-Cookie", COOKIE + "=" + credential + "; HttpOnly; Secure; SameSite=Strict; Path=/api; Max-Age="
                + COOKIE_MAX_AGE_SECONDS);
        call.respond(201, answer);
    }

    /** {@code GET /devices}: the carer's devices that share a home with this one. */
    void list(Call call, Device self) throws IOException {
        ArrayNode list = Call.JSON.createArrayNode();
        for (Device d : sameCarer(self)) {
            ObjectNode o = list.addObject().put("id", d.id()).put("name", d.name()).put("created_at", d.created().toString())
                    .put("this_device", d.id().equals(self.id()));
            ArrayNode homes = o.putArray("homes");
            d.homes().forEach(g -> homes.add(g.homeId()));
        }
        call.respond(200, Call.JSON.createObjectNode().put("carer", self.carer()).set("devices", list));
    }

    /** {@code DELETE /devices/{device}}: revokes one of the carer's devices, this one too, at once, and closes its live streams. */
    void revoke(Call call, Device self, String deviceId) throws IOException {
        Optional<Device> target = sameCarer(self).stream().filter(d -> d.id().equals(deviceId)).findFirst();
        if (target.isEmpty() || !store.revokeDevice(deviceId, clock.instant())) {
            throw ApiException.notFound("no such device of yours");
        }
        streams.closeDevice(deviceId);
        call.respond(204, null);
    }

    /**
     * A carer is known by name per home (as the home's ladder names them), so the devices of "the
     * same carer" are those with the name that share a home with this one; an operator's, those
     * with the name in the same organisation.
     */
    private List<Device> sameCarer(Device self) {
        return store.devicesOf(self.carer()).stream()
                .filter(d -> d.operatorOrg().equals(self.operatorOrg()))
                .filter(d -> self.operator() || d.homes().stream().anyMatch(g -> self.maySee(g.homeId())))
                .toList();
    }
}
