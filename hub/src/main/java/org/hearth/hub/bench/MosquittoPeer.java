package org.hearth.hub.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.ScheduledExecutorPingSender;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.hearth.hub.store.Home;

/**
 * The peer a team would otherwise pick: Mosquitto (Debian's package) started in a folder of its
 * own with a TLS-PSK listener on loopback and persistence on, one Paho client per gateway publishing
 * each alert at QoS 1 to {@code hearth/HOME/alerts}, and one per carer's device subscribed to its
 * home's topic at QoS 1 in a persistent session. An alert is received when Paho hands it to the
 * carer client's callback. Mosquitto writes its persistence file every autosave interval and at
 * exit, not at each message: its QoS 1 acknowledgement is not a durable receipt, as the hub's is.
 */
final class MosquittoPeer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int QOS = 1;

    private final Process broker;
    private final int port;
    private final List<MqttAsyncClient> gateways = new ArrayList<>();
    private final List<MqttAsyncClient> carers = new ArrayList<>();
    private final List<String> topics = new ArrayList<>();
    private final ScheduledExecutorService pings = java.util.concurrent.Executors.newScheduledThreadPool(1, Fleet.daemon("bench-mqtt-ping"));

    private MosquittoPeer(Process broker, int port) {
        this.broker = broker;
        this.port = port;
    }

    /** Starts Mosquitto in {@code dir} with a PSK for every home's gateway and carer, and waits for its port. */
    static MosquittoPeer start(Path dir, List<Home> homes) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        StringBuilder keys = new StringBuilder();
        for (Home h : homes) {
            String hex = HexFormat.of().formatHex(h.key());
            keys.append(h.identity()).append(':').append(hex).append('\n');
            keys.append(carerIdentity(h)).append(':').append(hex).append('\n');
        }
        Files.writeString(dir.resolve("psk"), keys);
        int port = HubChild.freeTcpPort();
        Files.writeString(dir.resolve("mosquitto.conf"), String.join("\n",
                "user root",
                "persistence true",
                "persistence_location " + dir + "/",
                "log_dest file " + dir.resolve("mosquitto.log"),
                "max_queued_messages 100000",
                "max_inflight_messages 0",
                "allow_anonymous true",
                "listener " + port + " 127.0.0.1",
                "tls_version tlsv1.2",
                "psk_hint hearth-bench",
                "psk_file " + dir.resolve("psk"),
                "use_identity_as_username true",
                ""));
        // Debian puts the broker in /usr/sbin, which a non-root PATH may lack.
        String command = Files.isExecutable(Path.of("/usr/sbin/mosquitto")) ? "/usr/sbin/mosquitto" : "mosquitto";
        Process broker = new ProcessBuilder(command, "-c", dir.resolve("mosquitto.conf").toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("mosquitto.out").toFile()).start();
        MosquittoPeer peer = new MosquittoPeer(broker, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return peer;
            } catch (IOException notYet) {
                if (!broker.isAlive() || System.nanoTime() > deadline) {
                    peer.close();
                    throw new IOException("mosquitto did not start; its output: " + Files.readString(dir.resolve("mosquitto.out")));
                }
                Thread.sleep(50);
            }
        }
    }

    private static String carerIdentity(Home h) {
        return "carer-" + h.id();
    }

    private static String topic(Home h) {
        return "hearth/" + h.id() + "/alerts";
    }

    /** Clients connecting at once. */
    private static final int CONNECTING_AT_ONCE = 64;

    /** Connects each home's carer, subscribed to its home's topic, and its gateway; a few dozen at a time. */
    void connect(List<Home> homes, Receipts receipts) throws MqttException {
        for (int from = 0; from < homes.size(); from += CONNECTING_AT_ONCE) {
            List<Home> batch = homes.subList(from, Math.min(homes.size(), from + CONNECTING_AT_ONCE));
            List<IMqttToken> connecting = new ArrayList<>();
            List<MqttAsyncClient> batchCarers = new ArrayList<>();
            for (Home h : batch) {
                MqttAsyncClient carer = client(carerIdentity(h), receipts);
                connecting.add(carer.connect(options(carerIdentity(h), h.key(), false)));
                MqttAsyncClient gateway = client(h.identity(), null);
                connecting.add(gateway.connect(options(h.identity(), h.key(), true)));
                batchCarers.add(carer);
                carers.add(carer);
                gateways.add(gateway);
                topics.add(topic(h));
            }
            for (IMqttToken t : connecting) {
                t.waitForCompletion(30_000);
            }
            List<IMqttToken> subscribing = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                subscribing.add(batchCarers.get(i).subscribe(topic(batch.get(i)), QOS));
            }
            for (IMqttToken t : subscribing) {
                t.waitForCompletion(30_000);
            }
        }
    }

    /** A client; a carer's ({@code receipts} not null) counts each alert it is handed as received. */
    private MqttAsyncClient client(String identity, Receipts receipts) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient("tcp://127.0.0.1:" + port, identity, new MemoryPersistence(),
                new ScheduledExecutorPingSender(pings));
        if (receipts != null) {
            client.setCallback(new MqttCallback() {
                @Override
                public void connectionLost(Throwable cause) {
                }

                @Override
                public void messageArrived(String topic, MqttMessage message) {
                    long now = System.nanoTime();
                    try {
                        receipts.received(UUID.fromString(JSON.readTree(message.getPayload()).path("id").asText()), now);
                    } catch (IOException | IllegalArgumentException e) {
                        // Not an alert this bench sent.
                    }
                }

                @Override
                public void deliveryComplete(IMqttDeliveryToken token) {
                }
            });
        }
        return client;
    }

    private static MqttConnectOptions options(String identity, byte[] key, boolean cleanSession) {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setSocketFactory(new PskSockets(identity, key));
        options.setCleanSession(cleanSession);
        options.setKeepAliveInterval(60);
        options.setMaxInflight(1000);
        options.setConnectionTimeout(30);
        return options;
    }

    /** Publishes at QoS 1 from gateway {@code gateway}; a publish refused by the client is tried again after 100 ms, until {@code until}. */
    void publish(int gateway, byte[] json, ScheduledExecutorService retries, long until) {
        try {
            gateways.get(gateway).publish(topics.get(gateway), json, QOS, false, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    retry(gateway, json, retries, until);
                }
            });
        } catch (MqttException e) {
            retry(gateway, json, retries, until);
        }
    }

    private void retry(int gateway, byte[] json, ScheduledExecutorService retries, long until) {
        if (System.nanoTime() < until) {
            retries.schedule(() -> publish(gateway, json, retries, until), 100, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (MqttAsyncClient c : gateways) {
            closeQuietly(c);
        }
        for (MqttAsyncClient c : carers) {
            closeQuietly(c);
        }
        pings.shutdownNow();
        broker.destroy();
        if (!broker.waitFor(20, TimeUnit.SECONDS)) {
            broker.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void closeQuietly(MqttAsyncClient c) {
        try {
            c.disconnectForcibly(0, 0, false);
            c.close();
        } catch (MqttException e) {
            // Stopping; the broker goes next.
        }
    }
}
