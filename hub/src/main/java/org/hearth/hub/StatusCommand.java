package org.hearth.hub;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hearth.hub.config.HubConfig;
import org.hearth.hub.store.Home;
import org.hearth.hub.store.HubStore;
import org.hearth.hub.store.Liveness;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code hearth-hub status}: what the store says, silent gateways first. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the hub's homes, silent gateways first, from its store.")
final class StatusCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Override
    public Integer call() {
        HubConfig cfg = config.load();
        try (HubStore store = Hub.openStore(cfg)) {
            List<Home> homes = store.homes();
            Map<String, Liveness> heard = store.liveness().stream().collect(Collectors.toMap(Liveness::homeId, Function.identity()));
            long silent = heard.values().stream().filter(Liveness::silent).count();
            System.out.printf("hub: homes=%d silent=%d never_heard=%d store=%s uplink=coaps://%s:%d%n", homes.size(), silent,
                    homes.stream().filter(h -> !heard.containsKey(h.id())).count(), store, cfg.uplink().publicHost(),
                    cfg.uplink().port());
            homes.stream()
                    .sorted(java.util.Comparator.comparing((Home h) -> heard.containsKey(h.id()) && heard.get(h.id()).silent() ? 0 : 1))
                    .forEach(h -> System.out.printf("  %-24s %-10s %s, %d alerts%n", h.label(), h.id(), gateway(heard.get(h.id())),
                            store.alerts(h.id()).size()));
            return 0;
        }
    }

    /** A gateway's state in words for the operator. */
    static String gateway(Liveness l) {
        if (l == null) {
            return "never heard";
        }
        return (l.silent() ? "GATEWAY SILENT, last heard " : "heard ") + l.lastHeartbeat() + " (every " + l.interval().toSeconds() + " s)";
    }
}
