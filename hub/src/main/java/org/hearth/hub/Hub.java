package org.hearth.hub;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.ZoneOffset;
import java.util.Optional;
import org.hearth.hub.config.HubConfig;
import org.hearth.hub.http.HttpApi;
import org.hearth.hub.liveness.GatewayLiveness;
import org.hearth.hub.push.AlertPushes;
import org.hearth.hub.push.VapidKeys;
import org.hearth.hub.push.WebPush;
import org.hearth.hub.retention.Retention;
import org.hearth.hub.store.HubStore;
import org.hearth.hub.store.JdbcHubStore;
import org.hearth.hub.uplink.UplinkServer;
import org.hearth.time.RealTimeScheduler;
import org.hearth.transport.ClusterNodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running hub, wired once, top to bottom: store, loops, liveness watch, uplink, Web Push, HTTPS
 * API. It stops in reverse: the HTTPS API and the uplink (nothing new arrives), the pushes, the
 * loops, the store.
 *
 * <p>Three loops, so that handing an alert to carers never waits behind other durable work: the
 * live streams' loop gives each stored entry to the carers' open streams, and commits nothing but an
 * hourly prune of its own week-old entries; the housekeeping loop writes the heartbeats (a commit a
 * second), watches for silent gateways and applies retention; Web Push has its own, as a push
 * service may be slow to answer.
 */
public final class Hub implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Hub.class);

    private final HubStore store;
    private final RealTimeScheduler loop;
    private final RealTimeScheduler housekeeping;
    private final UplinkServer uplink;
    private final Optional<HttpApi> http;
    private final Optional<AlertPushes> pushes;
    private final RealTimeScheduler pushLoop;
    private final Retention retention;

    private Hub(HubStore store, RealTimeScheduler loop, RealTimeScheduler housekeeping, UplinkServer uplink, Optional<HttpApi> http,
            Optional<AlertPushes> pushes, RealTimeScheduler pushLoop, Retention retention) {
        this.store = store;
        this.retention = retention;
        this.loop = loop;
        this.housekeeping = housekeeping;
        this.uplink = uplink;
        this.http = http;
        this.pushes = pushes;
        this.pushLoop = pushLoop;
    }

    public static Hub start(HubConfig config) {
        HubStore store = openStore(config);
        RealTimeScheduler loop = RealTimeScheduler.create("hub-loop", ZoneOffset.UTC);
        RealTimeScheduler housekeeping = RealTimeScheduler.create("hub-housekeeping", ZoneOffset.UTC);
        RealTimeScheduler pushLoop = RealTimeScheduler.create("hub-push", ZoneOffset.UTC);
        try {
            GatewayLiveness liveness = new GatewayLiveness(housekeeping, store, config.heartbeat());
            liveness.start();
            UplinkServer uplink = UplinkServer.start(new InetSocketAddress(config.uplink().bind(), config.uplink().port()), store,
                    liveness, loop.clock(), config.uplink().cluster().map(c -> new ClusterNodes(c.node(), c.nodes())));
            Optional<HttpApi> http;
            Optional<AlertPushes> pushes = Optional.empty();
            try {
                // Web Push goes with the carers' API: the VAPID subject is the hub's public address (RFC 8292 §2.1).
                pushes = config.http().map(h -> new AlertPushes(store, new WebPush(store,
                        VapidKeys.loadOrCreate(config.storage().dataDir(), h.publicUrl().toString()),
                        java.net.http.HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(10)).build(), pushLoop)));
                Optional<AlertPushes> p = pushes;
                http = config.http().map(h -> HttpApi.start(h, config.storage().dataDir(), store, uplink, loop.clock(), config.heartbeat(),
                        loop, p));
            } catch (RuntimeException e) {
                pushes.ifPresent(AlertPushes::close);
                uplink.close();
                throw e;
            }
            Retention retention = new Retention(store, housekeeping, config.retention());
            retention.start();
            LOG.info("Hub started: store {}, {} homes, gateways expected every {} s; resolved alerts kept {} d, the access log {} d",
                    store, store.homes().size(), config.heartbeat().toSeconds(), config.retention().history().toDays(),
                    config.retention().accessLog().toDays());
            return new Hub(store, loop, housekeeping, uplink, http, pushes, pushLoop, retention);
        } catch (RuntimeException e) {
            pushLoop.close();
            housekeeping.close();
            loop.close();
            store.close();
            throw e;
        }
    }

    /** The store the configuration names: SQLite in the data directory, or PostgreSQL with the password from its file. */
    public static HubStore openStore(HubConfig config) {
        HubConfig.Storage storage = config.storage();
        if (storage.kind() == HubConfig.StoreKind.SQLITE) {
            return JdbcHubStore.sqlite(storage.sqliteFile());
        }
        HubConfig.Postgresql pg = storage.postgresql().orElseThrow();
        String password;
        try {
            password = Files.readString(pg.passwordFile()).strip();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the PostgreSQL password file " + pg.passwordFile() + ": " + e.getMessage(), e);
        }
        return JdbcHubStore.postgresql(pg.url(), pg.user(), password);
    }

    public UplinkServer uplink() {
        return uplink;
    }

    /** The HTTPS API, when the configuration has one. */
    public Optional<HttpApi> http() {
        return http;
    }

    public HubStore store() {
        return store;
    }

    @Override
    public void close() {
        retention.stop();
        http.ifPresent(HttpApi::close);
        uplink.close();
        pushes.ifPresent(AlertPushes::close);
        pushLoop.close();
        housekeeping.close();
        loop.close();
        store.close();
        LOG.info("Hub stopped");
    }
}
