package org.hearth.hub;

import java.time.Instant;
import java.util.concurrent.Callable;
import org.hearth.hub.config.HubConfig;
import org.hearth.hub.store.HubStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code hearth-hub revoke}: a carer's device loses access at once. */
@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = {"Revoke a carer's device: its next request is refused (401) and a running hub closes its live streams within a second."})
final class RevokeCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Parameters(paramLabel = "DEVICE-ID", description = "The device's id (d-…), as the API's GET /devices and the access log name it.")
    String deviceId;

    @Override
    public Integer call() {
        HubConfig cfg = config.load();
        try (HubStore store = Hub.openStore(cfg)) {
            if (!store.revokeDevice(deviceId, Instant.now())) {
                System.err.println("hearth-hub: there is no device " + deviceId + " that is not revoked already");
                return 1;
            }
            System.out.println("Revoked device " + deviceId + "; it is refused from its next request on, and its live streams close.");
            return 0;
        }
    }
}
