package org.hearth.hub.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.hearth.hub.config.HubConfig;
import org.hearth.hub.liveness.GatewayLiveness;
import org.hearth.hub.store.AccessEntry;
import org.hearth.hub.store.DownEntry;
import org.hearth.hub.store.Home;
import org.hearth.hub.store.HubStore;
import org.hearth.hub.store.JdbcHubStore;
import org.hearth.hub.testkit.HttpsCarer;
import org.hearth.hub.testkit.HttpsCarer.Answer;
import org.hearth.hub.uplink.UplinkServer;
import org.hearth.protocol.Acknowledgement;
import org.hearth.protocol.Alert;
import org.hearth.protocol.AlertEvent;
import org.hearth.protocol.AlertKind;
import org.hearth.protocol.Down;
import org.hearth.protocol.Protocol;
import org.hearth.protocol.Severity;
import org.hearth.protocol.WireCodec;
import org.hearth.time.VirtualScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The carers' API over real HTTPS (the JDK's client trusting only the hub's self-signed
 * certificate) against a hub on SQLite; time is virtual, so rate limits and expiry are exact.
 */
@Tag("medium")
class HttpApiTest {

    static final Instant T0 = Instant.parse("2026-11-28T10:15:30Z");
    static final byte[] KEY = "sixteen-bytes-A!".getBytes(StandardCharsets.US_ASCII);

    /** One certificate for the class: keytool takes a second or two. */
    @TempDir
    static Path certificateDir;

    @TempDir
    Path dir;

    /** The live streams' polling runs on real time; these tests open none. */
    static final org.hearth.time.RealTimeScheduler STREAMS = org.hearth.time.RealTimeScheduler.create("test-streams", ZoneOffset.UTC);

    VirtualScheduler time;
    HubStore store;
    UplinkServer uplink;
    HttpApi api;
    Home flat12;
    Home flat14;

    @BeforeAll
    static void makeCertificate() throws Exception {
        makeCertificate(certificateDir);
    }

    @org.junit.jupiter.api.AfterAll
    static void stopStreams() {
        STREAMS.close();
    }

    /** The self-signed certificate a first start makes, made once for a test class: keytool takes a second or two. */
    static void makeCertificate(Path dir) throws Exception {
        Certificates.context(HubConfig.Tls.selfSigned(), dir, "127.0.0.1");
    }

    static HttpApi start(Path certificates, HubStore store, UplinkServer uplink, VirtualScheduler time) {
        return HttpApi.start(new HubConfig.Http("127.0.0.1", 0, URI.create("https://127.0.0.1"), HubConfig.Tls.selfSigned()),
                certificates, store, uplink, time == null ? java.time.Clock.systemUTC() : time.clock(), Duration.ofSeconds(60), STREAMS);
    }

    @BeforeEach
    void startHub() {
        time = new VirtualScheduler(T0, ZoneOffset.UTC);
        store = JdbcHubStore.sqlite(dir.resolve("data/hub.db"));
        flat12 = store.addHome("Flat 12", KEY, T0);
        flat14 = store.addHome("Flat 14", KEY, T0);
        uplink = UplinkServer.start(new InetSocketAddress("127.0.0.1", 0), store,
                new GatewayLiveness(time, store, Duration.ofSeconds(60)), time.clock());
        api = start(certificateDir, store, uplink, time);
    }

    @AfterEach
    void stop() {
        api.close();
        uplink.close();
        store.close();
    }

    HttpsCarer carer() throws Exception {
        return new HttpsCarer(URI.create("https://127.0.0.1:" + api.port()), certificateDir.resolve(Certificates.SELF_SIGNED),
                certificateDir.resolve(Certificates.SELF_SIGNED_PASSWORD));
    }

    /** A carer enrolled to {@code home}. */
    HttpsCarer enrolled(Home home, String name) throws Exception {
        HttpsCarer carer = carer();
        assertThat(carer.enrol(Invites.issue(store, home.id(), name, 1, time.clock().instant()), name + "'s phone").status())
                .isEqualTo(201);
        return carer;
    }

    UUID alert(Home home, Instant raised, String... states) {
        UUID id = UUID.randomUUID();
        store.addAlert(home.id(), id, new String(WireCodec.encode(new Alert(Protocol.VERSION, id, AlertKind.HELP, Severity.URGENT,
                home.label(), "bathroom", raised, 1, "The pull cord in the bathroom was pulled.", false)), StandardCharsets.UTF_8), raised);
        for (int i = 0; i < states.length; i++) {
            String state = states[i];
            String carer = state.equals("raised") ? "" : "Priya";
            store.addEvent(home.id(), id, i + 1, state, new String(WireCodec.encode(new AlertEvent(Protocol.VERSION, id, i + 1,
                    raised.plusSeconds(i), state, state.toUpperCase(), carer, 1, "words " + state)), StandardCharsets.UTF_8), raised);
        }
        return id;
    }

    @Test
    void a_carer_enrols_with_an_invite_and_reads_their_home() throws Exception {
        UUID older = alert(flat12, T0.minusSeconds(600), "raised", "delivered");
        UUID resolved = alert(flat12, T0.minusSeconds(300), "raised", "resolved");
        UUID newer = alert(flat12, T0.minusSeconds(60), "raised", "delivered", "acknowledged");
        store.putSummary(flat12.id(), "{\"v\":1,\"home\":\"Flat 12\",\"open_alerts\":2}", T0);
        store.setPhone(flat12.id(), java.util.Optional.of("+44 7700 900123"));
        HttpsCarer priya = carer();

        Answer enrolled = priya.enrol("hearth:invite?v=1&hub=https%3A%2F%2F127.0.0.1&code="
                + Invites.issue(store, flat12.id(), "Priya", 2, T0), "Priya's phone");
        assertThat(enrolled.status()).isEqualTo(201);
        assertThat(enrolled.header("Set-Cookie").orElseThrow()).startsWith("hearth_device=")
                .endsWith("; HttpOnly; Secure; SameSite=Strict; Path=/api; Max-Age=31536000");
        assertThat(enrolled.json().toString()).isEqualTo("{\"device\":{\"id\":\"" + enrolled.json().at("/device/id").asText()
                + "\",\"name\":\"Priya's phone\"},\"carer\":\"Priya\",\"homes\":[{\"id\":\"" + flat12.id()
                + "\",\"label\":\"Flat 12\",\"level\":2}]}");
        String credential = priya.cookie().substring("hearth_device=".length());
        assertThat(java.util.Base64.getUrlDecoder().decode(credential)).hasSize(32);

        Answer homes = priya.get("/homes");
        assertThat(homes.status()).isEqualTo(200);
        assertThat(homes.header("Cache-Control")).contains("no-store");
        assertThat(homes.header("Content-Type")).contains("application/json; charset=utf-8");
        assertThat(homes.json().toString()).isEqualTo("{\"homes\":[{\"id\":\"" + flat12.id()
                + "\",\"label\":\"Flat 12\",\"level\":2,\"open_alerts\":2,\"unanswered\":1,\"waiting_since\":\"" + T0.minusSeconds(600)
                + "\",\"gateway\":{\"connected\":false,\"last_heard\":null},\"phone\":\"+447700900123\"}],"
                + "\"waiting_total\":1,\"not_connected_total\":1}");
        assertThat(priya.get("/homes/" + flat12.id()).json().path("phone").asText()).isEqualTo("+447700900123");
        store.setPhone(flat12.id(), java.util.Optional.empty());
        assertThat(priya.get("/homes/" + flat12.id()).json().has("phone")).as("no phone set, no phone field").isFalse();

        assertThat(ids(priya.get("/homes/" + flat12.id() + "/alerts?state=open"))).containsExactly(newer, older);
        Answer all = priya.get("/homes/" + flat12.id() + "/alerts");
        assertThat(ids(all)).as("open first, then newest").containsExactly(newer, older, resolved);
        // The history: how each closed alert ended, in the gateway's words; null while open.
        assertThat(all.json().at("/alerts/2/ended").toString())
                .isEqualTo("{\"at\":\"2026-11-28T10:10:31Z\",\"event\":\"RESOLVED\",\"carer\":\"Priya\",\"words\":\"words resolved\","
                        + "\"outcome\":null}");
        assertThat(all.json().at("/alerts/0/ended").isNull()).isTrue();

        JsonNode view = priya.get("/homes/" + flat12.id() + "/alerts/" + newer).json();
        assertThat(view.path("state").asText()).isEqualTo("acknowledged");
        assertThat(view.path("words").asText()).isEqualTo("The pull cord in the bathroom was pulled.");
        assertThat(view.path("told").toString()).isEqualTo("[{\"carer\":\"Priya\",\"told_at\":\"2026-11-28T10:14:31Z\",\"delivered_at\":null}]");
        assertThat(view.path("on_the_way").toString()).isEqualTo("[{\"carer\":\"Priya\",\"at\":\"2026-11-28T10:14:32Z\"}]");
        assertThat(view.path("trail")).extracting(e -> e.path("event").asText()).containsExactly("RAISED", "DELIVERED", "ACKNOWLEDGED");

        Answer summary = priya.get("/homes/" + flat12.id() + "/summary");
        assertThat(summary.json().toString()).isEqualTo(
                "{\"v\":1,\"home\":\"Flat 12\",\"open_alerts\":2,\"received_at\":\"2026-11-28T10:15:30Z\",\"stale\":false}");
        time.advanceBy(Duration.ofSeconds(121));
        assertThat(priya.get("/homes/" + flat12.id() + "/summary").json().path("stale").asBoolean()).as("two intervals later").isTrue();

        String device = enrolled.json().at("/device/id").asText();
        assertThat(store.accessLog(flat12.id())).extracting(AccessEntry::deviceId).containsOnly(device);
        assertThat(store.accessLog(flat12.id())).extracting(AccessEntry::what).containsExactly("enrolled", "homes", "home", "home", "open alerts",
                "alerts", "alert " + newer, "summary", "summary");
        assertThat(store.accessLog(flat14.id())).isEmpty();
        assertThat(storeFilesContain(credential)).as("only the credential's hash is stored").isFalse();
    }

    @Test
    void an_unanswered_alert_says_who_the_gateway_tells_next_and_when_until_someone_acknowledges() throws Exception {
        UUID id = UUID.randomUUID();
        store.addAlert(flat12.id(), id, new String(WireCodec.encode(new Alert(Protocol.VERSION, id, AlertKind.FALL, Severity.URGENT,
                "Flat 12", "hall", T0, 1, "A fall in the hall.", false)), StandardCharsets.UTF_8), T0);
        Instant due = T0.plusSeconds(600);
        event(flat12, id, new AlertEvent(Protocol.VERSION, id, 1, T0, "raised", "RAISED", "", 1, "Telling level 1 (Priya).", null,
                due, "Helpline"));
        HttpsCarer priya = enrolled(flat12, "Priya");
        String path = "/homes/" + flat12.id() + "/alerts/" + id;
        assertThat(priya.get(path).json().path("next_escalation").toString())
                .isEqualTo("{\"at\":\"" + due + "\",\"to\":\"Helpline\"}");
        assertThat(priya.get("/homes/" + flat12.id() + "/alerts?state=open").json().at("/alerts/0/next_escalation/to").asText())
                .as("in the list too").isEqualTo("Helpline");

        event(flat12, id, new AlertEvent(Protocol.VERSION, id, 2, T0.plusSeconds(60), "acknowledged", "ACKNOWLEDGED", "Priya", 1,
                "Acknowledged by Priya"));
        assertThat(priya.get(path).json().has("next_escalation")).as("someone answered").isFalse();

        UUID old = alert(flat12, T0, "raised", "delivered");
        assertThat(priya.get("/homes/" + flat12.id() + "/alerts/" + old).json().has("next_escalation"))
                .as("a gateway that predates next_at").isFalse();
    }

    private void event(Home home, UUID id, AlertEvent event) {
        store.addEvent(home.id(), id, event.seq(), event.state(), new String(WireCodec.encode(event), StandardCharsets.UTF_8),
                event.at());
    }

    /**
     * An alarm-receiving centre's operator watches every home of their organisation, those that
     * need someone first, and only those; the homes' carers, not the operator, answer alerts.
     */
    @Test
    void an_operator_watches_every_home_of_their_organisation_with_what_needs_someone_first() throws Exception {
        Home quiet = store.addHome("A quiet flat", "arc", KEY, T0);
        Home silent = store.addHome("B silent flat", "arc", KEY, T0);
        Home alarmed = store.addHome("C alarmed flat", "arc", KEY, T0);
        Home waitingLonger = store.addHome("E flat waiting longer", "arc", KEY, T0);
        Home answered = store.addHome("0 flat being answered", "arc", KEY, T0);
        store.addHome("Another council's flat", "elsewhere", KEY, T0);
        for (Home h : List.of(quiet, alarmed, waitingLonger, answered)) {
            store.heartbeat(h.id(), T0, Duration.ofSeconds(60));
        }
        UUID open = alert(alarmed, T0.minusSeconds(30), "raised", "delivered");
        alert(waitingLonger, T0.minusSeconds(90), "raised");
        alert(answered, T0.minusSeconds(600), "raised", "delivered", "acknowledged");
        HttpsCarer operator = carer();

        Answer enrolled = operator.enrol(Invites.issueOperator(store, "arc", "Sam", T0), "Desk 3");
        assertThat(enrolled.status()).isEqualTo(201);
        assertThat(enrolled.json().path("operator_of").asText()).isEqualTo("arc");
        Answer homes = operator.get("/homes");
        assertThat(homes.json().path("operator_of").asText()).isEqualTo("arc");
        assertThat(homes.json().path("homes")).extracting(h -> h.path("label").asText())
                .as("unanswered alerts first, the longest waiting first; then silent gateways; then alerts being answered; then the rest")
                .containsExactly("E flat waiting longer", "C alarmed flat", "B silent flat", "0 flat being answered", "A quiet flat");
        JsonNode first = homes.json().path("homes").get(0);
        assertThat(first.path("unanswered").asLong()).isEqualTo(1);
        assertThat(first.path("waiting_since").asText()).isEqualTo(T0.minusSeconds(90).toString());
        JsonNode beingAnswered = homes.json().path("homes").get(3);
        assertThat(beingAnswered.path("open_alerts").asLong()).isEqualTo(1);
        assertThat(beingAnswered.path("unanswered").asLong()).isZero();
        assertThat(beingAnswered.path("waiting_since").isNull()).isTrue();
        // Paged one at a time, the cursor keeps the same order, the time waited included.
        List<String> oneByOne = new java.util.ArrayList<>();
        String after = null;
        do {
            Answer page = operator.get("/homes?limit=1" + (after == null ? "" : "&after=" + after));
            oneByOne.add(page.json().path("homes").get(0).path("label").asText());
            after = page.json().path("next").isMissingNode() ? null : page.json().path("next").asText();
        } while (after != null);
        assertThat(oneByOne).containsExactly("E flat waiting longer", "C alarmed flat", "B silent flat", "0 flat being answered", "A quiet flat");
        // The totals are the whole organisation's, on every page: two homes with an alert nobody answered, one not connected.
        Answer lastPage = operator.get("/homes?limit=1&after=" + operator.get("/homes?limit=4").json().path("next").asText());
        assertThat(lastPage.json().path("homes")).extracting(h -> h.path("label").asText()).containsExactly("A quiet flat");
        assertThat(lastPage.json().path("waiting_total").asLong()).isEqualTo(2);
        assertThat(lastPage.json().path("not_connected_total").asLong()).isEqualTo(1);
        // The resident's phone is for the home's carers, who call; an operator's line has none.
        store.setPhone(alarmed.id(), java.util.Optional.of("+447700900123"));
        assertThat(operator.get("/homes/" + alarmed.id()).json().has("phone")).isFalse();
        Home later = store.addHome("D new flat", "arc", KEY, T0);
        assertThat(operator.get("/homes").json().path("homes")).extracting(h -> h.path("id").asText())
                .as("a home added to the organisation later").contains(later.id());

        assertThat(ids(operator.get("/homes/" + alarmed.id() + "/alerts?state=open"))).containsExactly(open);
        assertThat(operator.get("/homes/" + flat12.id() + "/alerts").error()).isEqualTo("not_your_home");
        Answer ack = operator.post("/homes/" + alarmed.id() + "/alerts/" + open + "/ack", "{\"note\":\"on my way\"}");
        assertThat(ack.status()).isEqualTo(403);
        assertThat(ack.error()).isEqualTo("operator_watches");
        assertThat(operator.post("/homes/" + alarmed.id() + "/alerts/" + open + "/resolve", "{\"outcome\":\"resident_fine\"}")
                .error()).isEqualTo("operator_watches");
        assertThat(operator.post("/homes/" + alarmed.id() + "/alerts/" + open + "/received", "{\"via\":\"stream\"}").status())
                .isEqualTo(200);
        assertThat(store.receipts(open)).as("an operator's screen is not a carer's device").isEmpty();
        assertThat(store.pendingDown(alarmed.id())).as("nothing goes to the gateway").isEmpty();
        // One home's line, as in the list, for a screen about that home.
        Answer one = operator.get("/homes/" + waitingLonger.id());
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().path("label").asText()).isEqualTo("E flat waiting longer");
        assertThat(one.json().path("level").asInt()).isZero();
        assertThat(one.json().path("unanswered").asLong()).isEqualTo(1);
        assertThat(one.json().path("waiting_since").asText()).isEqualTo(T0.minusSeconds(90).toString());
        assertThat(one.json().path("gateway").path("connected").asBoolean()).isTrue();
        assertThat(operator.get("/homes/" + flat12.id()).error()).isEqualTo("not_your_home");
        assertThat(operator.get("/homes/nosuchhome").error()).isEqualTo("not_your_home");
        assertThat(store.accessLog(alarmed.id())).extracting(AccessEntry::what).contains("homes", "open alerts");
        assertThat(store.accessLog(waitingLonger.id())).extracting(AccessEntry::what).contains("home");
        assertThat(store.accessLog(flat12.id())).extracting(AccessEntry::what).containsExactly("refused alerts", "refused home");
    }

    private boolean storeFilesContain(String text) throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve("data"))) {
            for (Path f : files.toList()) {
                if (new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(text)) {
                    return true;
                }
            }
        }
        return false;
    }

    static List<UUID> ids(Answer answer) {
        assertThat(answer.status()).isEqualTo(200);
        return java.util.stream.StreamSupport.stream(answer.json().path("alerts").spliterator(), false)
                .map(a -> UUID.fromString(a.path("id").asText())).toList();
    }

    @Test
    void an_invite_works_once_and_only_for_72_hours() throws Exception {
        String code = Invites.issue(store, flat12.id(), "Priya", 1, T0);
        assertThat(carer().enrol(code.toLowerCase().replace("-", ""), "phone").status()).as("any case, dash optional").isEqualTo(201);
        Answer twice = carer().enrol(code, "another phone");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.error()).isEqualTo("already_used");
        assertThat(twice.header("Set-Cookie")).isEmpty();

        String late = Invites.issue(store, flat12.id(), "Tom", 1, T0);
        time.advanceBy(Duration.ofHours(72));
        Answer expired = carer().enrol(late, "phone");
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.error()).isEqualTo("expired");
        Answer unknown = carer().enrol("2345-6789", "phone");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.error()).isEqualTo("not_found");
        Answer notACode = carer().enrol("hello", "phone");
        assertThat(notACode.status()).isEqualTo(400);
        assertThat(notACode.json().path("message").asText()).startsWith("code: not an invite code");
        assertThat(store.devicesOf("Tom")).isEmpty();
    }

    @Test
    void a_revoked_device_is_refused_at_once() throws Exception {
        HttpsCarer phone = enrolled(flat12, "Priya");
        HttpsCarer tablet = enrolled(flat12, "Priya");
        enrolled(flat14, "Priya");
        JsonNode devices = phone.get("/devices").json();
        assertThat(devices.path("devices")).as("the Priya of another home is not this carer").hasSize(2);
        String tabletId = java.util.stream.StreamSupport.stream(devices.path("devices").spliterator(), false)
                .filter(d -> !d.path("this_device").asBoolean()).findFirst().orElseThrow().path("id").asText();
        assertThat(tablet.get("/homes").status()).isEqualTo(200);

        assertThat(phone.delete("/devices/" + tabletId).status()).isEqualTo(204);
        Answer refused = tablet.get("/homes");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.error()).isEqualTo("not_enrolled");
        assertThat(phone.delete("/devices/" + tabletId).status()).as("revoked already").isEqualTo(404);
        assertThat(phone.get("/homes").status()).isEqualTo(200);

        HttpsCarer stranger = carer();
        assertThat(stranger.get("/homes").status()).as("no cookie").isEqualTo(401);
        stranger.useCookie("hearth_device=made-up");
        assertThat(stranger.get("/homes").status()).isEqualTo(401);
    }

    @Test
    void another_homes_data_is_refused_and_the_refusal_logged_to_that_home() throws Exception {
        UUID theirs = alert(flat14, T0, "raised");
        store.putSummary(flat14.id(), "{\"v\":1}", T0);
        HttpsCarer priya = enrolled(flat12, "Priya");
        String device = priya.get("/devices").json().at("/devices/0/id").asText();

        for (String path : List.of("/homes/" + flat14.id() + "/summary", "/homes/" + flat14.id() + "/alerts/" + theirs)) {
            Answer refused = priya.get(path);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.error()).isEqualTo("not_your_home");
        }
        assertThat(priya.post("/homes/" + flat14.id() + "/alerts/" + theirs + "/ack", "{}").status()).isEqualTo(403);
        assertThat(priya.get("/homes/" + flat12.id() + "/alerts/" + theirs).status()).as("their alert under my home").isEqualTo(404);

        assertThat(store.accessLog(flat14.id())).extracting(AccessEntry::deviceId, AccessEntry::what).containsExactly(
                org.assertj.core.groups.Tuple.tuple(device, "refused summary"),
                org.assertj.core.groups.Tuple.tuple(device, "refused alerts/" + theirs),
                org.assertj.core.groups.Tuple.tuple(device, "refused alerts/" + theirs + "/ack"));
        assertThat(store.pendingDown(flat14.id())).isEmpty();
    }

    @Test
    void a_carer_exports_everything_the_hub_holds_about_their_home_with_no_secrets_and_the_export_is_logged() throws Exception {
        UUID id = alert(flat12, T0, "raised", "delivered");
        alert(flat14, T0, "raised");
        store.putSummary(flat12.id(), "{\"v\":1,\"home\":\"Flat 12\"}", T0);
        store.heartbeat(flat12.id(), T0, Duration.ofSeconds(60));
        HttpsCarer priya = enrolled(flat12, "Priya");
        String device = priya.get("/devices").json().at("/devices/0/id").asText();
        assertThat(priya.post("/homes/" + flat12.id() + "/alerts/" + id + "/received", "{\"via\":\"push\"}").status()).isEqualTo(200);
        assertThat(priya.post("/homes/" + flat12.id() + "/alerts/" + id + "/ack", "{\"note\":\"on my way\"}").status()).isEqualTo(202);
        time.advanceBy(Duration.ofMinutes(1));

        Answer export = priya.get("/homes/" + flat12.id() + "/export");

        assertThat(export.status()).isEqualTo(200);
        JsonNode doc = export.json();
        assertThat(doc.path("v").asInt()).isEqualTo(1);
        assertThat(doc.path("by").asText()).isEqualTo(device);
        assertThat(doc.path("exported_at").asText()).isEqualTo(T0.plusSeconds(60).toString());
        assertThat(doc.at("/home/label").asText()).isEqualTo("Flat 12");
        assertThat(doc.path("invites")).singleElement().satisfies(i -> assertThat(i.path("used_at").isNull()).isFalse());
        assertThat(doc.path("devices")).singleElement().satisfies(d -> {
            assertThat(d.path("id").asText()).isEqualTo(device);
            assertThat(d.path("name").asText()).isEqualTo("Priya's phone");
            assertThat(d.path("carer").asText()).isEqualTo("Priya");
        });
        assertThat(doc.path("alerts")).singleElement().satisfies(a -> {
            assertThat(a.path("id").asText()).isEqualTo(id.toString());
            assertThat(a.at("/alert/room").asText()).isEqualTo("bathroom");
            assertThat(a.path("events")).extracting(e -> e.at("/event/state").asText()).containsExactly("raised", "delivered");
            assertThat(a.path("receipts")).singleElement().satisfies(r -> assertThat(r.path("device").asText()).isEqualTo(device));
        });
        assertThat(doc.at("/summary/summary/home").asText()).isEqualTo("Flat 12");
        assertThat(doc.at("/gateway/last_heard").asText()).isEqualTo(T0.toString());
        assertThat(doc.path("for_the_gateway")).extracting(e -> e.path("kind").asText()).containsExactly("delivered", "ack");
        assertThat(doc.at("/for_the_gateway/1/entry/ack/note").asText()).isEqualTo("on my way");
        assertThat(doc.path("access_log")).extracting(e -> e.path("what").asText()).endsWith("export");
        // No secrets: not the home's key, not the device's credential, nothing of another home.
        assertThat(export.raw().body()).doesNotContain(java.util.HexFormat.of().formatHex(KEY)).doesNotContain(priya.cookie().substring("hearth_device=".length()))
                .doesNotContain("Flat 14").doesNotContain("psk").doesNotContain("p256dh");
        assertThat(store.accessLog(flat12.id())).last().isEqualTo(new AccessEntry(T0.plusSeconds(60), device, flat12.id(), "export"));

        Answer theirs = priya.get("/homes/" + flat14.id() + "/export");
        assertThat(theirs.error()).isEqualTo("not_your_home");
        assertThat(store.accessLog(flat14.id())).extracting(AccessEntry::what).containsExactly("refused export");
        Home watched = store.addHome("Flat 16", "arc", KEY, T0);
        HttpsCarer operator = carer();
        assertThat(operator.enrol(Invites.issueOperator(store, "arc", "Sam", T0), "Desk 3").status()).isEqualTo(201);
        Answer refused = operator.get("/homes/" + watched.id() + "/export");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.error()).isEqualTo("carers_only");
        assertThat(store.accessLog(watched.id())).extracting(AccessEntry::what).containsExactly("enrolled", "refused export");
    }

    @Test
    void an_operator_pages_through_many_homes_in_the_same_order_and_only_the_homes_shown_are_logged() throws Exception {
        List<Home> homes = new java.util.ArrayList<>();
        for (int i = 0; i < 250; i++) {
            Home h = store.addHome(String.format("Flat %03d", i), "arc", KEY, T0);
            homes.add(h);
            if (i % 3 != 0) {
                store.heartbeat(h.id(), T0, Duration.ofSeconds(60)); // every third never heard: not connected
            }
            if (i % 50 == 7) {
                alert(h, T0, "raised");
            }
        }
        HttpsCarer operator = carer();
        assertThat(operator.enrol(Invites.issueOperator(store, "arc", "Sam", T0), "Desk 3").status()).isEqualTo(201);
        long started = System.nanoTime();
        List<String> whole = ids(operator.get("/homes"), "homes");
        long wholeMs = (System.nanoTime() - started) / 1_000_000;
        System.out.println("GET /homes for an operator of 250 homes, unpaged: " + wholeMs + " ms");
        assertThat(whole).hasSize(250);
        assertThat(whole.subList(0, 5)).as("open alerts first").containsExactlyInAnyOrder(
                homes.get(7).id(), homes.get(57).id(), homes.get(107).id(), homes.get(157).id(), homes.get(207).id());
        assertThat(whole.get(5)).as("then silent gateways, by label").isEqualTo(homes.get(0).id());

        List<String> paged = new java.util.ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            Answer page = operator.get("/homes?limit=100" + (after == null ? "" : "&after=" + after));
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.json().path("homes").size()).isLessThanOrEqualTo(100);
            paged.addAll(ids(page, "homes"));
            after = page.json().path("next").isMissingNode() ? null : page.json().path("next").asText();
            pages++;
        } while (after != null);
        assertThat(pages).isEqualTo(3);
        assertThat(paged).as("each home once, in the same order").isEqualTo(whole);

        long logged = homes.stream().filter(h -> store.accessLog(h.id()).stream().anyMatch(e -> e.what().equals("homes"))).count();
        assertThat(logged).isEqualTo(250);
        assertThat(operator.get("/homes?limit=0").error()).isEqualTo("bad_request");
        assertThat(operator.get("/homes?limit=501").error()).isEqualTo("bad_request");
        assertThat(operator.get("/homes?limit=10&after=bm90IGEgY3Vyc29y").error()).isEqualTo("bad_request");
        assertThat(operator.get("/homes?limit=10&after=%25%25").error()).isEqualTo("bad_request");
        int before = store.accessLog(homes.get(1).id()).size();
        assertThat(ids(operator.get("/homes?limit=6"), "homes")).hasSize(6).doesNotContain(homes.get(1).id());
        assertThat(store.accessLog(homes.get(1).id())).as("a home not on the page is not read").hasSize(before);
    }

    private static List<String> ids(Answer answer, String field) {
        List<String> ids = new java.util.ArrayList<>();
        answer.json().path(field).forEach(h -> ids.add(h.path("id").asText()));
        return ids;
    }

    @Test
    void bad_bodies_are_refused_plainly_and_queue_nothing() throws Exception {
        UUID id = alert(flat12, T0, "raised");
        HttpsCarer priya = enrolled(flat12, "Priya");
        String ack = "/homes/" + flat12.id() + "/alerts/" + id + "/ack";

        Answer big = priya.post(ack, "{\"note\":\"" + "x".repeat(17 * 1024) + "\"}");
        assertThat(big.status()).isEqualTo(413);
        assertThat(big.error()).isEqualTo("too_large");
        assertThat(carer().post("/enrol", "{\"code\":\"" + "x".repeat(20_000) + "\"}").status()).isEqualTo(413);
        Answer garbled = priya.post(ack, "{\"note\": on my way");
        assertThat(garbled.status()).isEqualTo(400);
        assertThat(garbled.json().toString()).isEqualTo("{\"error\":\"bad_request\",\"message\":\"the body is not valid JSON\"}");
        assertThat(priya.post(ack, "[\"on my way\"]").status()).isEqualTo(400);
        assertThat(priya.post(ack, "{\"note\":42}").json().path("message").asText()).isEqualTo("note: must be text");
        Answer outcome = priya.post("/homes/" + flat12.id() + "/alerts/" + id + "/resolve", "{\"outcome\":\"sorted\"}");
        assertThat(outcome.status()).isEqualTo(400);
        assertThat(outcome.json().path("message").asText()).startsWith("outcome: one of resident_fine");
        assertThat(priya.post("/homes/" + flat12.id() + "/alerts/not-a-uuid/ack", "{}").status()).isEqualTo(404);
        assertThat(priya.get("/homes/" + flat12.id() + "/alerts?state=closed").status()).isEqualTo(400);
        assertThat(priya.get("/nothing/here").status()).isEqualTo(404);
        Answer method = priya.delete("/homes");
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.header("Allow")).contains("GET");
        assertThat(store.pendingDown(flat12.id())).as("nothing reached the gateway's queue").isEmpty();

        assertThat(priya.post(ack, "{\"note\":\"on my way\"}").status()).as("the same device carries on").isEqualTo(202);
    }

    @Test
    void acts_go_to_the_gateways_queue_in_the_downs_shapes() throws Exception {
        UUID id = alert(flat12, T0, "raised", "delivered");
        HttpsCarer priya = enrolled(flat12, "Priya");

        Answer ack = priya.post("/homes/" + flat12.id() + "/alerts/" + id + "/ack", "{\"note\":\"on my way\"}");
        assertThat(ack.status()).isEqualTo(202);
        assertThat(ack.json().path("id").asText()).isEqualTo(id.toString());
        Answer resolve = priya.post("/homes/" + flat12.id() + "/alerts/" + id + "/resolve",
                "{\"outcome\":\"helped_up\",\"note\":\"Sat her in the chair\"}");
        assertThat(resolve.status()).isEqualTo(202);
        Answer check = priya.post("/homes/" + flat12.id() + "/check", "");
        assertThat(check.status()).isEqualTo(202);
        assertThat(check.json().toString()).isEqualTo("{\"asked_at\":\"" + T0 + "\"}");

        List<DownEntry> queued = store.pendingDown(flat12.id());
        assertThat(queued).extracting(DownEntry::kind).containsExactly("ack", "resolve", "check_now");
        JsonNode ackBody = Call.JSON.readTree(queued.get(0).body());
        assertThat(ackBody.path("device").asText()).isEqualTo("Priya's phone");
        assertThat(WireCodec.decodeAck(ackBody.path("ack").toString().getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new Acknowledgement(1, id, "Priya", T0, "on my way"));
        assertThat(queued.get(1).body()).isEqualTo("{\"alert_id\":\"" + id + "\",\"by\":\"Priya\",\"at\":\"" + T0
                + "\",\"outcome\":\"helped_up\",\"note\":\"Sat her in the chair\"}");

        // The gateway closes the alert and tells the hub; acting on it again is refused.
        store.addEvent(flat12.id(), id, 3, "resolved", new String(WireCodec.encode(new AlertEvent(1, id, 3, T0, "resolved", "RESOLVED",
                "Priya", 1, "Resolved by Priya")), StandardCharsets.UTF_8), T0);
        Answer again = priya.post("/homes/" + flat12.id() + "/alerts/" + id + "/ack", "{}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.error()).isEqualTo("already_resolved");
        assertThat(store.pendingDown(flat12.id())).hasSize(3);
        assertThat(store.accessLog(flat12.id())).extracting(AccessEntry::what).contains("ack " + id, "resolve " + id, "check");

        // How it ended, as a value: the gateway's event carries none, so it is the one Priya sent through this hub.
        assertThat(priya.get("/homes/" + flat12.id() + "/alerts/" + id).json().at("/ended/outcome").asText()).isEqualTo("helped_up");
        // A gateway that sends the outcome on its closing event is taken at its word.
        UUID told = alert(flat12, T0, "raised", "delivered");
        assertThat(priya.post("/homes/" + flat12.id() + "/alerts/" + told + "/resolve", "{\"outcome\":\"other\"}").status()).isEqualTo(202);
        store.addEvent(flat12.id(), told, 3, "resolved", new String(WireCodec.encode(new AlertEvent(1, told, 3, T0, "resolved", "RESOLVED",
                "Priya", 1, "Resolved by Priya (false alarm)", Down.Outcome.FALSE_ALARM)), StandardCharsets.UTF_8), T0);
        // Closed by someone who sent nothing through this hub (a carer on the home's own network): no outcome is made up.
        UUID local = alert(flat12, T0, "raised", "delivered");
        store.addEvent(flat12.id(), local, 3, "resolved", new String(WireCodec.encode(new AlertEvent(1, local, 3, T0, "resolved", "RESOLVED",
                "Tom", 1, "Resolved by Tom")), StandardCharsets.UTF_8), T0);
        JsonNode history = priya.get("/homes/" + flat12.id() + "/alerts").json().path("alerts");
        java.util.Map<String, String> outcomes = new java.util.HashMap<>();
        history.forEach(a -> outcomes.put(a.path("id").asText(), a.at("/ended/outcome").isNull() ? "null" : a.at("/ended/outcome").asText()));
        assertThat(outcomes).containsEntry(id.toString(), "helped_up").containsEntry(told.toString(), "false_alarm")
                .containsEntry(local.toString(), "null");
    }

    @Test
    void sixty_requests_a_minute_per_device_and_five_enrolments_per_address() throws Exception {
        HttpsCarer priya = enrolled(flat12, "Priya");
        for (int i = 0; i < 60; i++) {
            assertThat(priya.get("/homes").status()).isEqualTo(200);
        }
        Answer limited = priya.get("/homes");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.error()).isEqualTo("slow_down");
        assertThat(limited.header("Retry-After")).contains("1");
        assertThat(enrolled(flat12, "Tom").get("/homes").status()).as("another device has its own allowance").isEqualTo(200);
        time.advanceBy(Duration.ofSeconds(1));
        assertThat(priya.get("/homes").status()).isEqualTo(200);
        assertThat(priya.get("/homes").status()).isEqualTo(429);

        // Two enrolments were made above from this address, a second before; three more wrong guesses,
        // then no more until the bucket, refilled by 1/12 in that second, is full enough again: 11 s.
        for (int i = 0; i < 3; i++) {
            assertThat(carer().enrol("2345-6789", "guess").status()).isEqualTo(404);
        }
        Answer guess = carer().enrol(Invites.issue(store, flat12.id(), "Sam", 1, T0), "phone");
        assertThat(guess.status()).isEqualTo(429);
        assertThat(guess.header("Retry-After")).contains("11");
        time.advanceBy(Duration.ofSeconds(11));
        assertThat(carer().enrol("2345-6789", "guess").status()).isEqualTo(404);
    }

    @Test
    void the_self_signed_certificate_is_made_once_and_reused() throws Exception {
        Path p12 = certificateDir.resolve(Certificates.SELF_SIGNED);
        byte[] before = Files.readAllBytes(p12);
        start(certificateDir, store, uplink, time).close();
        assertThat(Files.readAllBytes(p12)).isEqualTo(before);
        assertThat(Files.getPosixFilePermissions(p12)).containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        assertThat(Files.getPosixFilePermissions(certificateDir.resolve(Certificates.SELF_SIGNED_PASSWORD))).hasSize(2);
    }

    @Test
    void a_configured_pkcs12_certificate_is_served() throws Exception {
        Path p12 = Files.copy(certificateDir.resolve(Certificates.SELF_SIGNED), dir.resolve("hub-https.p12"));
        Path password = Files.copy(certificateDir.resolve(Certificates.SELF_SIGNED_PASSWORD), dir.resolve("hub-https-password"));
        Path empty = Files.createDirectory(dir.resolve("no-certificate-here"));
        try (HttpApi configured = HttpApi.start(new HubConfig.Http("127.0.0.1", 0, URI.create("https://127.0.0.1"),
                new HubConfig.Tls(java.util.Optional.of(p12), java.util.Optional.of(password))), empty, store, uplink, time.clock(),
                Duration.ofSeconds(60), STREAMS)) {
            HttpsCarer carer = new HttpsCarer(URI.create("https://127.0.0.1:" + configured.port()), p12, password);
            assertThat(carer.get("/homes").status()).as("served over TLS with that certificate").isEqualTo(401);
        }
        try (Stream<Path> made = Files.list(empty)) {
            assertThat(made).as("no self-signed certificate is made").isEmpty();
        }
    }
}
