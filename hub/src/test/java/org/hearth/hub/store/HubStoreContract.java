package org.hearth.hub.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The same store scenarios against SQLite and PostgreSQL: each subclass makes a fresh, empty store. */
abstract class HubStoreContract {

    static final Instant T0 = Instant.parse("2026-11-28T10:15:30Z");
    static final byte[] KEY = new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};

    HubStore store;

    /** A fresh store, empty. */
    abstract HubStore newStore() throws Exception;

    /** The same store opened again, as after a hub restart. */
    abstract HubStore reopen() throws Exception;

    /** A plain JDBC connection to the store's database, as another process would hold. */
    abstract Connection connect() throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = newStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void a_homes_phone_is_kept_normalised_changed_and_removed_and_a_wrong_one_is_refused_and_changes_nothing() throws Exception {
        Home flat = store.addHome("Flat 12", KEY, T0);
        assertThat(flat.phone()).isEmpty();
        assertThat(store.home(flat.id()).orElseThrow().phone()).isEmpty();
        assertThat(store.setPhone(flat.id(), java.util.Optional.of(" +44 7700 900123 "))).isTrue();
        assertThat(store.home(flat.id()).orElseThrow().phone()).contains("+447700900123");
        assertThat(store.homeByIdentity(flat.identity()).orElseThrow().phone()).contains("+447700900123");
        for (String wrong : List.of("07700 900123", "+44 7700-900123", "+0447700900123", "+44", "+1234567890123456", "tel:+447700900123")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.setPhone(flat.id(), java.util.Optional.of(wrong)))
                    .as(wrong).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("international form");
        }
        store.close();
        store = reopen();
        assertThat(store.homes()).extracting(Home::phone).containsExactly(java.util.Optional.of("+447700900123"));
        assertThat(store.setPhone(flat.id(), java.util.Optional.empty())).isTrue();
        assertThat(store.home(flat.id()).orElseThrow().phone()).isEmpty();
        assertThat(store.setPhone("nosuchid", java.util.Optional.of("+447700900123"))).isFalse();
        try (Connection c = connect(); Statement s = c.createStatement();
             java.sql.ResultSet r = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getInt(1)).isEqualTo(6);
        }
    }

    @Test
    void a_home_is_found_by_its_identity_and_gone_once_removed() {
        Home flat = store.addHome("Flat 12", KEY, T0);
        assertThat(flat.identity()).isEqualTo("home-" + flat.id());
        assertThat(store.homeByIdentity(flat.identity())).contains(flat);
        assertThat(store.home(flat.id()).orElseThrow().key()).isEqualTo(KEY);
        assertThat(store.homes()).containsExactly(flat);
        store.addAlert(flat.id(), UUID.randomUUID(), "{}", T0);

        assertThat(store.removeHome(flat.id())).isTrue();
        assertThat(store.homeByIdentity(flat.identity())).isEmpty();
        assertThat(store.alerts(flat.id())).isEmpty();
        assertThat(store.removeHome(flat.id())).isFalse();
    }

    @Test
    void an_alert_is_stored_once_per_id_and_never_for_another_home() throws Exception {
        Home a = store.addHome("Flat 12", KEY, T0);
        Home b = store.addHome("Flat 14", KEY, T0);
        UUID id = UUID.randomUUID();
        assertThat(store.addAlert(a.id(), id, "{\"id\":1}", T0)).isEqualTo(Outcome.STORED);
        assertThat(store.addAlert(a.id(), id, "{\"id\":2}", T0.plusSeconds(5))).isEqualTo(Outcome.ALREADY_STORED);
        assertThat(store.addAlert(b.id(), id, "{\"id\":3}", T0.plusSeconds(5))).isEqualTo(Outcome.OTHER_HOME);

        store.close();
        store = reopen();
        assertThat(store.alerts(a.id())).singleElement().satisfies(alert -> {
            assertThat(alert.json()).isEqualTo("{\"id\":1}");
            assertThat(alert.received()).isEqualTo(T0);
            assertThat(alert.state()).isEqualTo("raised");
        });
        assertThat(store.alerts(b.id())).isEmpty();
    }

    @Test
    void events_are_applied_once_each_and_read_in_seq_order() {
        Home a = store.addHome("Flat 12", KEY, T0);
        Home b = store.addHome("Flat 14", KEY, T0);
        UUID id = UUID.randomUUID();
        store.addAlert(a.id(), id, "{}", T0);

        assertThat(store.addEvent(a.id(), id, 1, "raised", "e1", T0)).isEqualTo(Outcome.STORED);
        assertThat(store.addEvent(a.id(), id, 3, "acknowledged", "e3", T0)).isEqualTo(Outcome.STORED);
        assertThat(store.addEvent(a.id(), id, 2, "delivered", "e2", T0)).isEqualTo(Outcome.STORED);
        assertThat(store.addEvent(a.id(), id, 2, "delivered", "e2 again", T0)).isEqualTo(Outcome.ALREADY_STORED);
        assertThat(store.addEvent(b.id(), id, 4, "resolved", "e4", T0)).isEqualTo(Outcome.OTHER_HOME);
        assertThat(store.addEvent(a.id(), UUID.randomUUID(), 1, "raised", "x", T0)).isEqualTo(Outcome.NOT_FOUND);

        assertThat(store.events(id)).extracting(StoredEvent::seq, StoredEvent::json)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "e1"), org.assertj.core.groups.Tuple.tuple(2L, "e2"),
                        org.assertj.core.groups.Tuple.tuple(3L, "e3"));
        // The newest event sets the state; the late seq 2 does not take it back.
        assertThat(store.alert(id).orElseThrow()).extracting(StoredAlert::state, StoredAlert::lastSeq)
                .containsExactly("acknowledged", 3L);
    }

    @Test
    void the_latest_summary_replaces_the_one_before() {
        Home a = store.addHome("Flat 12", KEY, T0);
        store.putSummary(a.id(), "{\"open_alerts\":1}", T0);
        store.putSummary(a.id(), "{\"open_alerts\":0}", T0.plusSeconds(60));
        assertThat(store.summary(a.id()).orElseThrow()).isEqualTo(new StoredSummary(a.id(), "{\"open_alerts\":0}", T0.plusSeconds(60)));
    }

    @Test
    void the_down_queue_counts_per_home_and_keeps_what_is_not_applied() throws Exception {
        Home a = store.addHome("Flat 12", KEY, T0);
        Home b = store.addHome("Flat 14", KEY, T0);
        assertThat(store.addDown(a.id(), "check_now", "{}", T0)).isEqualTo(1);
        assertThat(store.addDown(a.id(), "ack", "{\"by\":\"Priya\"}", T0)).isEqualTo(2);
        assertThat(store.addDown(b.id(), "check_now", "{}", T0)).isEqualTo(1);

        assertThat(store.applyDown(b.id(), 2, T0)).as("home b has no entry 2").isFalse();
        assertThat(store.applyDown(a.id(), 1, T0)).isTrue();
        assertThat(store.applyDown(a.id(), 1, T0)).as("applied already").isFalse();
        store.close();
        store = reopen();
        assertThat(store.pendingDown(a.id())).containsExactly(new DownEntry(2, "ack", "{\"by\":\"Priya\"}"));
        assertThat(store.addDown(a.id(), "check_now", "{}", T0)).as("an applied seq is never reused").isEqualTo(3);
    }

    @Test
    void liveness_and_gateway_events_are_kept() {
        Home a = store.addHome("Flat 12", KEY, T0);
        store.heartbeat(a.id(), T0, Duration.ofSeconds(60));
        store.gatewayEvent(new GatewayEvent(a.id(), T0.plusSeconds(180), GatewayEvent.Kind.SILENT));
        assertThat(store.liveness()).containsExactly(new Liveness(a.id(), T0, Duration.ofSeconds(60), true));
        store.heartbeat(a.id(), T0.plusSeconds(200), Duration.ofSeconds(30));
        store.gatewayEvent(new GatewayEvent(a.id(), T0.plusSeconds(200), GatewayEvent.Kind.BACK));
        assertThat(store.liveness()).containsExactly(new Liveness(a.id(), T0.plusSeconds(200), Duration.ofSeconds(30), false));
        assertThat(store.liveness(a.id())).contains(new Liveness(a.id(), T0.plusSeconds(200), Duration.ofSeconds(30), false));
        assertThat(store.liveness("nosuchid")).isEmpty();
        assertThat(store.gatewayEvents(a.id())).extracting(GatewayEvent::kind)
                .containsExactly(GatewayEvent.Kind.SILENT, GatewayEvent.Kind.BACK);
        assertThat(List.of(store.gatewayEvents(a.id()).get(0).at())).containsExactly(T0.plusSeconds(180));

        store.removeHome(a.id());
        store.gatewayEvent(new GatewayEvent(a.id(), T0.plusSeconds(400), GatewayEvent.Kind.SILENT));
        assertThat(store.gatewayEvents(a.id())).as("nothing kept for a removed home").isEmpty();
        assertThat(store.liveness()).isEmpty();
    }

    @Test
    void heartbeats_written_together_keep_each_homes_newest_and_its_silence() {
        Home a = store.addHome("Flat 12", KEY, T0);
        Home b = store.addHome("Flat 14", KEY, T0);
        store.heartbeat(a.id(), T0, Duration.ofSeconds(60));
        store.gatewayEvent(new GatewayEvent(a.id(), T0.plusSeconds(180), GatewayEvent.Kind.SILENT));

        store.heartbeats(List.of(new LivenessStore.Heard(a.id(), T0.plusSeconds(200), Duration.ofSeconds(30)),
                new LivenessStore.Heard(b.id(), T0.plusSeconds(201), Duration.ofSeconds(60))));

        assertThat(store.liveness()).as("a heartbeat alone does not end a silence: GATEWAY BACK does").containsExactlyInAnyOrder(
                new Liveness(a.id(), T0.plusSeconds(200), Duration.ofSeconds(30), true),
                new Liveness(b.id(), T0.plusSeconds(201), Duration.ofSeconds(60), false));
    }

    /**
     * Reads have a connection of their own: the uplink's look-up of the calling home and the live
     * streams' poll go on while a write waits for the database (here, another connection holding
     * the write lock), as they do while a commit is flushed to disk.
     */
    @Test
    void a_read_goes_on_while_a_write_waits() throws Exception {
        Home flat = store.addHome("Flat 12", KEY, T0);
        UUID id = UUID.randomUUID();
        try (Connection other = connect(); Statement s = other.createStatement()) {
            other.setAutoCommit(false);
            s.executeUpdate("UPDATE stream_sequence SET last_id = last_id");
            CompletableFuture<Outcome> write = CompletableFuture.supplyAsync(() -> store.addAlert(flat.id(), id, "{}", T0));
            await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1)).until(() -> !write.isDone());

            CompletableFuture<List<Home>> read = CompletableFuture.supplyAsync(() -> store.homeByIdentity(flat.identity()).stream().toList());
            assertThat(read.get(2, TimeUnit.SECONDS)).containsExactly(flat);
            assertThat(write).as("still waiting for the other connection").isNotDone();

            other.rollback();
            assertThat(write.get(10, TimeUnit.SECONDS)).isEqualTo(Outcome.STORED);
        }
        assertThat(store.alert(id)).as("a read sees what the write lane committed").isPresent();
    }

    @Test
    void an_operators_device_sees_its_organisations_homes_as_they_are_now() throws Exception {
        Home a = store.addHome("Flat 12", "arc", KEY, T0);
        Home b = store.addHome("Flat 14", "elsewhere", KEY, T0);
        store.addHome("Flat 16", KEY, T0);
        store.addInvite("hash-op", Invite.operator("arc", "Sam", T0, T0.plus(Duration.ofHours(72))));

        Device desk = store.enrol("hash-op", "Desk 3", "cred-op", T0).device().orElseThrow();
        assertThat(desk.operator()).isTrue();
        assertThat(desk.operatorOrg()).isEqualTo("arc");
        assertThat(desk.homes()).containsExactly(new Device.Grant(a.id(), 0));
        Home later = store.addHome("Flat 18", "arc", KEY, T0);
        assertThat(store.deviceByCredential("cred-op").orElseThrow().homes()).extracting(Device.Grant::homeId)
                .containsExactlyInAnyOrder(a.id(), later.id());
        assertThat(store.homesOf("arc")).containsExactlyInAnyOrder(a.id(), later.id());
        assertThat(store.homesOf("elsewhere")).containsExactly(b.id());
        store.putPushSubscription(new PushSubscription(desk.id(), "https://push.example/desk", "p256dh", "auth", T0));
        assertThat(store.pushSubscription(desk.id())).isPresent();
        assertThat(store.pushSubscriptions(a.id(), 9)).as("operators watch a screen; they are not pushed to").isEmpty();
    }

    @Test
    void an_invite_enrols_one_device_once_and_only_before_it_expires() throws Exception {
        Home a = store.addHome("Flat 12", KEY, T0);
        Instant expires = T0.plus(Duration.ofHours(72));
        store.addInvite("hash-1", new Invite(a.id(), "Priya", 2, T0, expires));
        store.addInvite("hash-2", new Invite(a.id(), "Tom", 1, T0, expires));

        assertThat(store.enrol("no-such-hash", "phone", "cred-0", T0).status()).isEqualTo(Enrolment.Status.NOT_FOUND);
        Enrolment first = store.enrol("hash-1", "Priya's phone", "cred-1", T0.plusSeconds(60));
        assertThat(first.status()).isEqualTo(Enrolment.Status.ENROLLED);
        Device phone = first.device().orElseThrow();
        assertThat(phone.id()).startsWith("d-");
        assertThat(phone.carer()).isEqualTo("Priya");
        assertThat(phone.homes()).containsExactly(new Device.Grant(a.id(), 2));
        Enrolment again = store.enrol("hash-1", "someone else's phone", "cred-9", T0.plusSeconds(61));
        assertThat(again.status()).isEqualTo(Enrolment.Status.ALREADY_USED);
        assertThat(again.device()).isEmpty();
        assertThat(store.enrol("hash-2", "Tom's phone", "cred-2", expires).status()).as("at expiry").isEqualTo(Enrolment.Status.EXPIRED);
        assertThat(store.deviceByCredential("cred-9")).isEmpty();
        assertThat(store.deviceByCredential("cred-2")).isEmpty();

        store.close();
        store = reopen();
        assertThat(store.deviceByCredential("cred-1")).contains(phone);
        assertThat(store.devicesOf("Priya")).containsExactly(phone);
    }

    @Test
    void a_revoked_device_is_not_found_by_its_credential_any_more() {
        Home a = store.addHome("Flat 12", KEY, T0);
        store.addInvite("hash-1", new Invite(a.id(), "Priya", 1, T0, T0.plus(Duration.ofHours(72))));
        store.addInvite("hash-2", new Invite(a.id(), "Priya", 1, T0, T0.plus(Duration.ofHours(72))));
        Device phone = store.enrol("hash-1", "phone", "cred-1", T0).device().orElseThrow();
        Device tablet = store.enrol("hash-2", "tablet", "cred-2", T0.plusSeconds(1)).device().orElseThrow();
        assertThat(store.devicesOf("Priya")).containsExactly(phone, tablet);

        assertThat(store.revokeDevice(phone.id(), T0.plusSeconds(5))).isTrue();
        assertThat(store.revokeDevice(phone.id(), T0.plusSeconds(6))).as("revoked before").isFalse();
        assertThat(store.revokeDevice("d-nothere", T0)).isFalse();
        assertThat(store.deviceByCredential("cred-1")).isEmpty();
        assertThat(store.deviceByCredential("cred-2")).contains(tablet);
        assertThat(store.devicesOf("Priya")).containsExactly(tablet);
    }

    @Test
    void the_access_log_is_kept_per_home_and_goes_with_the_home() {
        Home a = store.addHome("Flat 12", KEY, T0);
        Home b = store.addHome("Flat 14", KEY, T0);
        store.addInvite("hash-1", new Invite(a.id(), "Priya", 1, T0, T0.plus(Duration.ofHours(72))));
        store.enrol("hash-1", "phone", "cred-1", T0);
        store.logAccess(new AccessEntry(T0, "d-1", a.id(), "alerts"));
        store.logAccess(new AccessEntry(T0.plusSeconds(1), "d-1", b.id(), "refused summary"));
        store.logAccess(new AccessEntry(T0.plusSeconds(2), "d-2", a.id(), "summary"));
        assertThat(store.accessLog(a.id())).containsExactly(new AccessEntry(T0, "d-1", a.id(), "alerts"),
                new AccessEntry(T0.plusSeconds(2), "d-2", a.id(), "summary"));

        store.removeHome(a.id());
        assertThat(store.accessLog(a.id())).isEmpty();
        assertThat(store.accessLog(b.id())).hasSize(1);
        assertThat(store.deviceByCredential("cred-1").orElseThrow().homes()).as("the grant goes with the home").isEmpty();
        assertThat(store.enrol("hash-1", "phone", "cred-3", T0).status()).as("so does the invite").isEqualTo(Enrolment.Status.NOT_FOUND);
    }

    @Test
    void what_is_stored_new_is_appended_to_the_stream_with_one_increasing_sequence_and_repeats_are_not() throws Exception {
        Home a = store.addHome("Flat 12", KEY, T0);
        Home b = store.addHome("Flat 14", KEY, T0);
        assertThat(store.lastStreamId()).isZero();
        java.util.concurrent.atomic.AtomicInteger woken = new java.util.concurrent.atomic.AtomicInteger();
        store.onAppended(woken::incrementAndGet);
        UUID id = UUID.randomUUID();
        store.addAlert(a.id(), id, "{\"alert\":1}", T0);
        assertThat(woken).as("told after the commit").hasValue(1);
        store.addAlert(a.id(), id, "{\"alert\":1}", T0.plusSeconds(1));
        store.heartbeat(b.id(), T0, Duration.ofSeconds(1));
        assertThat(woken).as("nothing new, nothing told").hasValue(1);
        store.addEvent(a.id(), id, 1, "delivered", "{\"event\":1}", T0.plusSeconds(2));
        store.addEvent(a.id(), id, 1, "delivered", "{\"event\":1}", T0.plusSeconds(3));
        store.putSummary(b.id(), "{\"summary\":1}", T0.plusSeconds(4));
        store.heartbeat(b.id(), T0, Duration.ofSeconds(60));
        store.gatewayEvent(new GatewayEvent(b.id(), T0.plusSeconds(180), GatewayEvent.Kind.SILENT));
        store.gatewayEvent(new GatewayEvent(b.id(), T0.plusSeconds(200), GatewayEvent.Kind.BACK));

        store.close();
        store = reopen();
        assertThat(store.lastStreamId()).isEqualTo(5);
        assertThat(store.streamAfter(0, 100)).containsExactly(
                new StreamEvent(1, a.id(), StreamEvent.Kind.ALERT, "{\"alert\":1}", T0),
                new StreamEvent(2, a.id(), StreamEvent.Kind.ALERT_EVENT, "{\"event\":1}", T0.plusSeconds(2)),
                new StreamEvent(3, b.id(), StreamEvent.Kind.SUMMARY, "{\"summary\":1}", T0.plusSeconds(4)),
                new StreamEvent(4, b.id(), StreamEvent.Kind.GATEWAY_SILENT, "", T0.plusSeconds(180)),
                new StreamEvent(5, b.id(), StreamEvent.Kind.GATEWAY_BACK, "", T0.plusSeconds(200)));
        assertThat(store.streamAfter(1, 2)).extracting(StreamEvent::id).containsExactly(2L, 3L);
        assertThat(store.streamAfter(0, List.of(b.id()), 100)).extracting(StreamEvent::id).containsExactly(3L, 4L, 5L);
        assertThat(store.streamAfter(3, List.of(a.id(), b.id()), 100)).extracting(StreamEvent::id).containsExactly(4L, 5L);
        assertThat(store.streamAfter(0, List.of(), 100)).isEmpty();
    }

    @Test
    void the_stream_is_pruned_by_age_and_its_sequence_never_starts_again() {
        Home a = store.addHome("Flat 12", KEY, T0);
        store.putSummary(a.id(), "{}", T0);
        store.putSummary(a.id(), "{}", T0.plus(Duration.ofDays(1)));
        assertThat(store.pruneStream(T0.plusSeconds(1))).isEqualTo(1);
        assertThat(store.streamAfter(0, 100)).extracting(StreamEvent::id).containsExactly(2L);
        assertThat(store.pruneStream(T0.plus(Duration.ofDays(2)))).isEqualTo(1);
        assertThat(store.streamAfter(0, 100)).isEmpty();
        store.putSummary(a.id(), "{}", T0.plus(Duration.ofDays(3)));
        assertThat(store.streamAfter(0, 100)).extracting(StreamEvent::id).as("pruning emptied it; ids go on").containsExactly(3L);

        Home b = store.addHome("Flat 14", KEY, T0);
        store.putSummary(b.id(), "{}", T0);
        store.removeHome(a.id());
        assertThat(store.streamAfter(0, 100)).extracting(StreamEvent::homeId).as("it goes with the home").containsExactly(b.id());
    }

    @Test
    void revoked_devices_are_found_among_many() {
        Home a = store.addHome("Flat 12", KEY, T0);
        store.addInvite("hash-1", new Invite(a.id(), "Priya", 1, T0, T0.plus(Duration.ofHours(72))));
        store.addInvite("hash-2", new Invite(a.id(), "Priya", 1, T0, T0.plus(Duration.ofHours(72))));
        Device phone = store.enrol("hash-1", "phone", "cred-1", T0).device().orElseThrow();
        Device tablet = store.enrol("hash-2", "tablet", "cred-2", T0).device().orElseThrow();
        assertThat(store.revokedAmong(List.of(phone.id(), tablet.id()))).isEmpty();
        assertThat(store.revokedDevices()).isZero();
        store.revokeDevice(tablet.id(), T0);
        store.revokeDevice(tablet.id(), T0);
        assertThat(store.revokedDevices()).as("revoked once").isEqualTo(1);
        assertThat(store.revokedAmong(List.of(phone.id(), tablet.id(), "d-gone"))).containsExactlyInAnyOrder(tablet.id(), "d-gone");
        assertThat(store.revokedAmong(List.of())).isEmpty();
    }

    @Test
    void opening_again_migrates_nothing_twice() throws Exception {
        store.addHome("Flat 12", KEY, T0);
        store.close();
        store = reopen();
        assertThat(store.homes()).hasSize(1);
    }

    /** A device of {@code carer} on {@code home} at {@code level}. */
    private Device device(Home home, String carer, int level, String name) {
        store.addInvite("hash-" + name, new Invite(home.id(), carer, level, T0, T0.plus(Duration.ofHours(72))));
        return store.enrol("hash-" + name, name, "cred-" + name, T0).device().orElseThrow();
    }

    @Test
    void a_device_keeps_one_push_subscription_found_by_home_and_level_and_gone_when_revoked() {
        Home flat = store.addHome("Flat 12", KEY, T0);
        Home other = store.addHome("Flat 14", KEY, T0);
        Device phone = device(flat, "Priya", 1, "phone");
        Device tablet = device(flat, "Tom", 2, "tablet");
        Device elsewhere = device(other, "Sam", 1, "elsewhere");
        store.putPushSubscription(new PushSubscription(phone.id(), "https://push.example/a", "P1", "A1", T0));
        store.putPushSubscription(new PushSubscription(phone.id(), "https://push.example/b", "P2", "A2", T0.plusSeconds(1)));
        store.putPushSubscription(new PushSubscription(tablet.id(), "https://push.example/t", "P3", "A3", T0));
        store.putPushSubscription(new PushSubscription(elsewhere.id(), "https://push.example/e", "P4", "A4", T0));

        assertThat(store.pushSubscription(phone.id())).as("replaced, not added")
                .contains(new PushSubscription(phone.id(), "https://push.example/b", "P2", "A2", T0.plusSeconds(1)));
        assertThat(store.pushSubscriptions(flat.id(), 1)).extracting(PushSubscription::deviceId).containsExactly(phone.id());
        assertThat(store.pushSubscriptions(flat.id(), 2)).extracting(PushSubscription::deviceId)
                .containsExactlyInAnyOrder(phone.id(), tablet.id());

        assertThat(store.deletePushSubscription(phone.id(), "https://push.example/a")).as("an older endpoint leaves the newer").isFalse();
        assertThat(store.pushSubscription(phone.id())).isPresent();
        assertThat(store.deletePushSubscription(phone.id(), "https://push.example/b")).isTrue();
        assertThat(store.pushSubscription(phone.id())).isEmpty();

        assertThat(store.revokeDevice(tablet.id(), T0)).isTrue();
        assertThat(store.pushSubscription(tablet.id())).as("revoking deletes it").isEmpty();
        assertThat(store.pushSubscriptions(flat.id(), 9)).isEmpty();
    }

    @Test
    void a_receipt_is_kept_once_per_device_and_the_first_per_carer_is_known() throws Exception {
        Home flat = store.addHome("Flat 12", KEY, T0);
        UUID alert = UUID.randomUUID();
        store.addAlert(flat.id(), alert, "{}", T0);
        assertThat(store.addReceipt(flat.id(), alert, "d-phone", "Priya", T0.plusSeconds(2))).isEqualTo(Receipt.Outcome.FIRST_FOR_CARER);
        assertThat(store.addReceipt(flat.id(), alert, "d-phone", "Priya", T0.plusSeconds(9))).isEqualTo(Receipt.Outcome.ALREADY);
        assertThat(store.addReceipt(flat.id(), alert, "d-tablet", "Priya", T0.plusSeconds(3))).isEqualTo(Receipt.Outcome.FIRST_FOR_DEVICE);
        assertThat(store.addReceipt(flat.id(), alert, "d-tom", "Tom", T0.plusSeconds(4))).isEqualTo(Receipt.Outcome.FIRST_FOR_CARER);
        assertThat(store.receipts(alert)).containsExactly(new Receipt(alert, "d-phone", "Priya", T0.plusSeconds(2)),
                new Receipt(alert, "d-tablet", "Priya", T0.plusSeconds(3)), new Receipt(alert, "d-tom", "Tom", T0.plusSeconds(4)));

        store.close();
        store = reopen();
        assertThat(store.receipts(alert)).hasSize(3);
        assertThat(store.removeHome(flat.id())).isTrue();
        assertThat(store.receipts(alert)).as("gone with the home").isEmpty();
    }

    @Test
    void a_homes_devices_invites_and_what_carers_did_are_listed_for_its_export_with_no_secrets() {
        Home a = store.addHome("Flat 12", KEY, T0);
        Home b = store.addHome("Flat 14", KEY, T0);
        Instant expires = T0.plus(Duration.ofHours(72));
        store.addInvite("hash-1", new Invite(a.id(), "Priya", 1, T0, expires));
        store.addInvite("hash-2", new Invite(a.id(), "Tom", 2, T0.plusSeconds(1), expires));
        store.addInvite("hash-3", new Invite(b.id(), "Sam", 1, T0, expires));
        Device phone = store.enrol("hash-1", "Priya's phone", "cred-1", T0.plusSeconds(60)).device().orElseThrow();
        Device sams = store.enrol("hash-3", "Sam's phone", "cred-3", T0.plusSeconds(60)).device().orElseThrow();
        store.putPushSubscription(new PushSubscription(sams.id(), "https://push.example/s", "key", "auth", T0.plusSeconds(61)));
        store.putPushSubscription(new PushSubscription(phone.id(), "https://push.example/p", "key", "auth", T0.plusSeconds(61)));
        store.revokeDevice(phone.id(), T0.plusSeconds(90));
        store.addDown(a.id(), "ack", "{\"by\":\"Priya\"}", T0.plusSeconds(100));
        store.addDown(a.id(), "check_now", "{}", T0.plusSeconds(101));
        store.applyDown(a.id(), 1, T0.plusSeconds(102));

        assertThat(store.homeDevices(a.id())).containsExactly(new HomeDevice(phone.id(), "Priya", "Priya's phone", 1,
                T0.plusSeconds(60), java.util.Optional.of(T0.plusSeconds(90)), false)); // revoking deleted its subscription
        assertThat(store.invites(a.id())).containsExactly(
                new HomeInvite("Priya", 1, T0, expires, java.util.Optional.of(T0.plusSeconds(60))),
                new HomeInvite("Tom", 2, T0.plusSeconds(1), expires, java.util.Optional.empty()));
        assertThat(store.downLog(a.id())).containsExactly(
                new DownRecord(1, "ack", "{\"by\":\"Priya\"}", T0.plusSeconds(100), java.util.Optional.of(T0.plusSeconds(102))),
                new DownRecord(2, "check_now", "{}", T0.plusSeconds(101), java.util.Optional.empty()));
        assertThat(store.homeDevices(b.id())).extracting(HomeDevice::name, HomeDevice::push)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Sam's phone", true));
        assertThat(store.downLog(b.id())).isEmpty();
    }

    @Test
    void retention_deletes_resolved_alerts_old_log_lines_and_applied_entries_and_never_an_open_alert() throws Exception {
        Home a = store.addHome("Flat 12", KEY, T0);
        Instant later = T0.plus(Duration.ofDays(400));
        UUID oldResolved = UUID.randomUUID();
        UUID lateResolved = UUID.randomUUID(); // raised long ago, resolved only lately
        UUID oldOpen = UUID.randomUUID();
        UUID newResolved = UUID.randomUUID();
        store.addAlert(a.id(), oldResolved, "{}", T0);
        store.addEvent(a.id(), oldResolved, 1, "resolved", "{}", T0.plusSeconds(60));
        store.addReceipt(a.id(), oldResolved, "d-1", "Priya", T0.plusSeconds(5));
        store.addAlert(a.id(), lateResolved, "{}", T0);
        store.addEvent(a.id(), lateResolved, 1, "delivered", "{}", T0.plusSeconds(1));
        store.addEvent(a.id(), lateResolved, 2, "resolved", "{}", later.minus(Duration.ofDays(10)));
        store.addAlert(a.id(), oldOpen, "{}", T0);
        store.addEvent(a.id(), oldOpen, 1, "acknowledged", "{}", T0.plusSeconds(60));
        store.addReceipt(a.id(), oldOpen, "d-1", "Priya", T0.plusSeconds(5));
        store.addAlert(a.id(), newResolved, "{}", later.minus(Duration.ofDays(2)));
        store.addEvent(a.id(), newResolved, 1, "resolved", "{}", later.minus(Duration.ofDays(1)));
        store.addDown(a.id(), "ack", "{}", T0);
        store.addDown(a.id(), "check_now", "{}", T0);
        store.addDown(a.id(), "check_now", "{}", later.minus(Duration.ofDays(1)));
        store.applyDown(a.id(), 1, T0.plusSeconds(1));
        store.applyDown(a.id(), 3, later.minus(Duration.ofDays(1)));
        store.gatewayEvent(new GatewayEvent(a.id(), T0, GatewayEvent.Kind.SILENT));
        store.gatewayEvent(new GatewayEvent(a.id(), later.minus(Duration.ofDays(1)), GatewayEvent.Kind.BACK));
        store.logAccess(new AccessEntry(T0, "d-1", a.id(), "alerts"));
        store.logAccess(new AccessEntry(later.minus(Duration.ofDays(40)), "d-1", a.id(), "summary"));
        store.logAccess(new AccessEntry(later.minus(Duration.ofDays(1)), "d-1", a.id(), "summary"));

        HubStore.Pruned pruned = store.prune(later.minus(Duration.ofDays(365)), later.minus(Duration.ofDays(30)));

        assertThat(pruned).isEqualTo(new HubStore.Pruned(1, 1, 1, 1, 1, 2));
        assertThat(store.alerts(a.id())).extracting(StoredAlert::id).containsExactlyInAnyOrder(lateResolved, oldOpen, newResolved);
        assertThat(store.alert(oldResolved)).isEmpty();
        assertThat(store.events(oldResolved)).isEmpty();
        assertThat(store.receipts(oldResolved)).isEmpty();
        assertThat(store.events(lateResolved)).hasSize(2);
        assertThat(store.receipts(oldOpen)).hasSize(1);
        assertThat(store.pendingDown(a.id())).extracting(DownEntry::seq).containsExactly(2L); // pending entries are never pruned
        assertThat(store.downLog(a.id())).extracting(DownRecord::seq).containsExactly(2L, 3L);
        assertThat(store.gatewayEvents(a.id())).extracting(GatewayEvent::kind).containsExactly(GatewayEvent.Kind.BACK);
        assertThat(store.accessLog(a.id())).extracting(AccessEntry::at).containsExactly(later.minus(Duration.ofDays(1)));

        store.close();
        store = reopen();
        assertThat(store.prune(later.minus(Duration.ofDays(365)), later.minus(Duration.ofDays(30))).total()).as("nothing twice").isZero();
    }

    @Test
    void the_overview_of_many_homes_counts_open_and_unanswered_alerts_and_says_who_is_heard_in_few_queries() {
        Home quiet = store.addHome("Quiet", KEY, T0);
        Home alarmed = store.addHome("Alarmed", KEY, T0);
        Home silent = store.addHome("Silent", KEY, T0);
        assertThat(store.setPhone(quiet.id(), java.util.Optional.of("+44 7700 900123"))).isTrue();
        UUID open = UUID.randomUUID();
        UUID closed = UUID.randomUUID();
        store.addAlert(alarmed.id(), open, "{}", T0);
        store.addAlert(alarmed.id(), closed, "{}", T0);
        store.addEvent(alarmed.id(), closed, 1, "resolved", "{}", T0);
        UUID answered = UUID.randomUUID();
        UUID waiting = UUID.randomUUID();
        store.addAlert(alarmed.id(), answered, "{}", T0.minusSeconds(300));
        store.addEvent(alarmed.id(), answered, 1, "acknowledged", "{}", T0);
        store.addAlert(alarmed.id(), waiting, "{}", T0.plusSeconds(60));
        store.addEvent(alarmed.id(), waiting, 1, "delivered", "{}", T0.plusSeconds(61));
        store.heartbeat(alarmed.id(), T0, Duration.ofSeconds(60));
        store.heartbeat(silent.id(), T0, Duration.ofSeconds(60));
        store.gatewayEvent(new GatewayEvent(silent.id(), T0.plusSeconds(180), GatewayEvent.Kind.SILENT));
        List<String> many = new java.util.ArrayList<>(java.util.Collections.nCopies(600, "nosuchid")); // beyond one query's ids
        many.addAll(List.of(quiet.id(), alarmed.id(), silent.id(), quiet.id()));

        assertThat(store.homeOverviews(many)).containsExactlyInAnyOrder(
                new HomeOverview(quiet.id(), "Quiet", 0, java.util.Optional.empty(), false, 0, java.util.Optional.empty(),
                        java.util.Optional.of("+447700900123")),
                // three open: one acknowledged (the oldest, so it is not the one waiting longest), two unanswered
                new HomeOverview(alarmed.id(), "Alarmed", 3, java.util.Optional.of(T0), false, 2, java.util.Optional.of(T0),
                        java.util.Optional.empty()),
                new HomeOverview(silent.id(), "Silent", 0, java.util.Optional.of(T0), true, 0, java.util.Optional.empty(),
                        java.util.Optional.empty()));
        assertThat(store.homeOverviews(List.of())).isEmpty();

        store.logAccess(List.of(new AccessEntry(T0, "d-1", quiet.id(), "homes"), new AccessEntry(T0, "d-1", silent.id(), "homes")));
        store.logAccess(List.of());
        assertThat(store.accessLog(quiet.id())).containsExactly(new AccessEntry(T0, "d-1", quiet.id(), "homes"));
        assertThat(store.accessLog(silent.id())).hasSize(1);
    }
}
