package org.hearth.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.hearth.hub.config.HubConfigLoader;
import org.hearth.hub.http.Certificates;
import org.hearth.hub.http.Invites;
import org.hearth.hub.store.Home;
import org.hearth.hub.testkit.HttpsCarer;
import org.hearth.hub.testkit.LocalHubConfig;
import org.hearth.hub.testkit.TestGateway;
import org.hearth.protocol.Alert;
import org.hearth.protocol.AlertKind;
import org.hearth.protocol.Down;
import org.hearth.protocol.Protocol;
import org.hearth.protocol.Severity;
import org.hearth.protocol.WireCodec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path through a hub wired as {@code hearth-hub run} wires it, from its config file: a
 * gateway's alert over real DTLS, a carer enrolling and acknowledging over real HTTPS, and the
 * acknowledgement reaching the gateway's observation of {@code /v1/down}.
 */
@Tag("medium")
class HubHttpEndToEndTest {

    static final byte[] KEY = "sixteen-bytes-A!".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    @Test
    void an_alert_from_a_gateway_is_acknowledged_by_a_carer_over_https_and_the_gateway_is_told() throws Exception {
        LocalHubConfig local = LocalHubConfig.in(dir);
        int udp = local.udp();
        int tcp = local.tcp();
        Path config = local.file();
        try (Hub hub = Hub.start(HubConfigLoader.load(config))) {
            Home home = hub.store().addHome("Flat 12", KEY, Instant.now());
            try (TestGateway gateway = new TestGateway(new InetSocketAddress("127.0.0.1", udp), home.identity(), KEY);
                 TestGateway.Observation down = gateway.observeDown()) {
                assertThat(down.next()).isEqualTo("2.05 {\"v\":1,\"entries\":[]}");
                UUID id = UUID.randomUUID();
                String alert = new String(WireCodec.encode(new Alert(Protocol.VERSION, id, AlertKind.HELP, Severity.URGENT, "Flat 12",
                        "bathroom", Instant.now(), 1, "The pull cord in the bathroom was pulled.", false)), StandardCharsets.UTF_8);
                assertThat(gateway.send(CoAP.Code.POST, "alerts", alert).getCode()).isEqualTo(ResponseCode.CHANGED);

                String invite = Invites.issue(hub.store(), home.id(), "Priya", 1, Instant.now());
                HttpsCarer priya = new HttpsCarer(URI.create("https://127.0.0.1:" + tcp), dir.resolve("data").resolve(Certificates.SELF_SIGNED),
                        dir.resolve("data").resolve(Certificates.SELF_SIGNED_PASSWORD));
                assertThat(priya.enrol(Invites.qrText(URI.create("https://127.0.0.1:" + tcp), invite), "Priya's phone").status())
                        .isEqualTo(201);
                HttpsCarer.Answer open = priya.get("/homes/" + home.id() + "/alerts?state=open");
                assertThat(open.json().at("/alerts/0/id").asText()).isEqualTo(id.toString());
                assertThat(open.json().at("/alerts/0/words").asText()).isEqualTo("The pull cord in the bathroom was pulled.");

                assertThat(priya.post("/homes/" + home.id() + "/alerts/" + id + "/ack", "{\"note\":\"on my way\"}").status())
                        .isEqualTo(202);

                String notification = down.next();
                assertThat(notification).startsWith("2.05 ");
                Down told = WireCodec.decodeDown(notification.substring(5).getBytes(StandardCharsets.UTF_8));
                assertThat(told.entries()).singleElement().satisfies(entry -> {
                    assertThat(entry.kind()).isEqualTo(Down.ACK);
                    assertThat(entry.device()).isEqualTo("Priya's phone");
                    assertThat(entry.ack().alertId()).isEqualTo(id);
                    assertThat(entry.ack().by()).isEqualTo("Priya");
                    assertThat(entry.ack().note()).isEqualTo("on my way");
                });

                // The gateway applies it and says so; the queue is empty again.
                assertThat(gateway.send(CoAP.Code.DELETE, "down/" + told.entries().get(0).seq(), null).getCode())
                        .isEqualTo(ResponseCode.DELETED);
                assertThat(hub.store().pendingDown(home.id())).isEmpty();
            }
        }
    }
}
