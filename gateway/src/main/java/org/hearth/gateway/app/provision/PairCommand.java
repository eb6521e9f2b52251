package org.hearth.gateway.app.provision;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.hearth.gateway.app.Hearth;
import org.hearth.gateway.app.config.ConfigException;
import org.hearth.gateway.app.config.ConfigLoader;
import org.hearth.gateway.app.config.HearthConfig;
import org.hearth.gateway.app.config.LadderFile;
import org.hearth.gateway.app.config.Secrets;
import org.hearth.gateway.app.config.SecretsFile;
import org.hearth.gateway.coap.LocalToken;
import org.hearth.gateway.coap.LoopbackClient;
import org.hearth.protocol.HubPairingCode;
import org.hearth.protocol.PairingCode;
import org.hearth.protocol.ProtocolException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hearth pair}: gives a carer a fresh identity and 128-bit key, stores it in the secrets
 * file (mode 0600, its owner kept) and shows the QR code their {@code hearth-carer enroll} reads.
 * With {@code --revoke} it removes a carer's key and a running daemon drops it at once; the
 * command exits 1 unless the key is sure to work nowhere (the daemon dropped it, or none runs).
 * With {@code --hub} it links the home to a care hub from the code {@code hearth-hub homes add}
 * printed: the key into the secrets file, the {@code hub:} section into the configuration.
 */
@Command(name = "pair", mixinStandardHelpOptions = true,
        description = {"Pair a carer's device by QR code, revoke a carer, or link this home to a care hub.",
            "The QR code holds the carer's key: show it only to that carer."})
public final class PairCommand implements Callable<Integer> {

    @ArgGroup(multiplicity = "1")
    Action action;

    static final class Action {
        @Option(names = "--carer", paramLabel = "NAME", description = "Pair this carer: a new key (a new one replaces the old).")
        String carer;

        @Option(names = "--revoke", paramLabel = "NAME", description = "Remove this carer's key; it stops working at once.")
        String revoke;

        @Option(names = "--hub", paramLabel = "CODE",
                description = "Link this home to a care hub: the text of the code `hearth-hub homes add` printed (hearth:hub?…).")
        String hub;
    }

    @Option(names = {"-c", "--config"}, defaultValue = "/etc/hearth/hearth.yaml",
            description = "The configuration file (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = "--level", description = "For a carer not yet in the config: their escalation level (default: 1).")
    Integer level;

    @Option(names = "--endpoint", paramLabel = "URI",
            description = "For a carer not yet in the config: where their device listens, e.g. coaps://192.168.1.30:5684.")
    URI endpoint;

    @Option(names = "--gateway", paramLabel = "URI",
            description = "How the carer's device reaches this gateway, e.g. coaps://192.168.1.20:5684 "
                    + "(default: from coap.bind and coap.port, or this machine's local address).")
    URI gateway;

    @Option(names = "--png", paramLabel = "FILE", description = "Also write the QR code as a PNG (mode 0600).")
    Path png;

    @Option(names = "--show-text", description = "Also print the QR code's text, for pasting into hearth-carer enroll --qr.")
    boolean showText;

    @Override
    public Integer call() throws Exception {
        HearthConfig cfg;
        try {
            cfg = action.carer == null ? ConfigLoader.loadWithoutSecrets(config) : ConfigLoader.loadForPairing(config);
        } catch (ConfigException e) {
            System.err.println("hearth: the configuration " + config + " is not valid:");
            e.errors().forEach(line -> System.err.println("  " + line));
            return Hearth.EXIT_INVALID;
        }
        try {
            return action.hub != null ? linkHub(cfg, action.hub)
                    : action.revoke != null ? revoke(cfg, action.revoke) : pair(cfg, action.carer);
        } catch (ConfigException e) {
            System.err.println("hearth: the secrets file " + cfg.secretsFile() + " is not valid:");
            e.errors().forEach(line -> System.err.println("  " + line));
            return Hearth.EXIT_INVALID;
        }
    }

    private int pair(HearthConfig cfg, String name) throws IOException, ConfigException {
        if (name.isBlank()) {
            System.err.println("hearth: --carer needs a name");
            return Hearth.EXIT_INVALID;
        }
        Optional<HearthConfig.CarerEntry> onLadder = cfg.carers().stream().filter(c -> c.name().equals(name)).findFirst();
        if (onLadder.isPresent() && onLadder.get().viaHub()) {
            System.err.println("hearth: " + name + " is reached through the care hub (via: hub in " + config
                    + "); their devices enrol at the hub, not here.");
            return Hearth.EXIT_INVALID;
        }
        if (onLadder.isPresent() && (endpoint != null && !endpoint.equals(onLadder.get().endpoint())
                || level != null && level != onLadder.get().level())) {
            System.err.println("hearth: " + name + " is already in " + config + " at level " + onLadder.get().level()
                    + " with endpoint " + onLadder.get().endpoint() + "; change them there, not here.");
            return Hearth.EXIT_INVALID;
        }
        if (endpoint != null && (!"coaps".equals(endpoint.getScheme()) || endpoint.getHost() == null)) {
            System.err.println("hearth: --endpoint must look like coaps://HOST:PORT");
            return Hearth.EXIT_INVALID;
        }
        URI gatewayUri;
        try {
            gatewayUri = gateway != null ? gateway : CarerPairing.gatewayUri(cfg.coap());
        } catch (IOException e) {
            System.err.println("hearth: " + e.getMessage());
            return Hearth.EXIT_INVALID;
        }
        if (!"coaps".equals(gatewayUri.getScheme()) || gatewayUri.getHost() == null) {
            System.err.println("hearth: --gateway must look like coaps://HOST:PORT");
            return Hearth.EXIT_INVALID;
        }

        Secrets.CarerKey newKey = CarerPairing.newKey(name);
        String identity = newKey.identity();
        boolean replaced = ConfigLoader.loadSecretsIfPresent(cfg.secretsFile()).forCarer(name).isPresent();
        SecretsFile.put(cfg.secretsFile(), name, newKey);

        PairingCode code = CarerPairing.code(gatewayUri, name, newKey);
        PairingQr qr = PairingQr.of(code.text());
        System.out.println("Pairing " + name + " (identity " + identity + ") with the gateway at " + gatewayUri + ".");
        System.out.println("On " + name + "'s device, scan this code, or run: hearth-carer enroll --png FILE");
        System.out.println();
        System.out.print(qr.terminal());
        System.out.println();
        if (showText) {
            System.out.println("Pairing text (it holds the key; share it only with " + name + "):");
            System.out.println(code.text());
        }
        if (png != null) {
            qr.writePng(png);
            System.out.println("The QR code is also in " + png.toAbsolutePath() + " (mode 0600; delete it once " + name
                    + " has enrolled).");
        }
        System.out.println("The key is stored in " + cfg.secretsFile() + " (mode 0600).");
        if (onLadder.isEmpty()) {
            addToLadder(cfg, name);
        }
        if (replaced) {
            // Pairing itself worked, so the exit code stays 0; the old key's fate is told in words.
            tellDaemon(cfg, name + "'s old key");
        }
        System.out.println("Restart Hearth (systemctl restart hearth) so it uses " + name + "'s new key.");
        return 0;
    }

    /**
     * Stores the hub's key in the secrets file and adds the {@code hub:} section, from the code the
     * hub printed. A home already linked to another hub, or under another identity, is left as it
     * is: the installer changes that by hand, on purpose.
     */
    private int linkHub(HearthConfig cfg, String text) throws IOException, ConfigException {
        HubPairingCode code;
        try {
            code = HubPairingCode.parse(text.strip());
        } catch (ProtocolException e) {
            System.err.println("hearth: that is not a care hub's code: " + e.getMessage());
            return Hearth.EXIT_INVALID;
        }
        Optional<HearthConfig.Hub> linked = cfg.hubUplink();
        if (linked.isPresent() && !(linked.get().uri().equals(code.hub()) && linked.get().identity().equals(code.identity()))) {
            System.err.println("hearth: this home already reports to " + linked.get().uri() + " as " + linked.get().identity()
                    + "; to move it to " + code.hub() + ", delete the hub: section of " + config + " first.");
            return Hearth.EXIT_INVALID;
        }
        // The key first: a section naming a hub whose key is missing would stop the daemon starting.
        SecretsFile.putHub(cfg.secretsFile(), new Secrets.HubKey(code.key()));
        if (linked.isEmpty() && !LadderFile.appendHub(config, code.hub(), code.identity())) {
            System.err.println("hearth: could not add the hub to " + config + " by itself (the key is stored); add this:");
            LadderFile.hubSection(code.hub(), code.identity()).forEach(System.err::println);
            return Hearth.EXIT_INVALID;
        }
        System.out.println("Linked \"" + code.label() + "\" to the care hub at " + code.hub() + " as " + code.identity()
                + "; its key is in " + cfg.secretsFile() + " (mode 0600).");
        System.out.println("Carers reached through the hub are marked via: hub under carers in " + config + ".");
        System.out.println("Restart Hearth (systemctl restart hearth) so it connects to the hub.");
        return 0;
    }

    private void addToLadder(HearthConfig cfg, String name) throws IOException {
        if (endpoint == null) {
            System.out.println(name + " is not on the escalation ladder yet. Add them to carers in " + config + ", e.g.:");
            System.out.println("  - {name: " + name + ", level: " + (level == null ? 1 : level)
                    + ", endpoint: \"coaps://THEIR-DEVICE:5684\"}");
            return;
        }
        String entry = "  - {name: \"" + name.replace("\"", "") + "\", level: " + (level == null ? 1 : level)
                + ", endpoint: \"" + endpoint + "\"}";
        if (LadderFile.append(config, entry)) {
            System.out.println("Added " + name + " to the escalation ladder in " + config + " at level " + (level == null ? 1 : level)
                    + ".");
        } else {
            System.out.println("Could not add " + name + " to " + config + " by itself; add this line under carers:");
            System.out.println(entry);
        }
    }

    private int revoke(HearthConfig cfg, String name) throws ConfigException {
        Path file = cfg.secretsFile();
        try {
            if (!Files.exists(file) || !SecretsFile.remove(file, name)) {
                System.err.println("hearth: there is no key for \"" + name + "\" in " + file + "; nothing to revoke.");
                return 1;
            }
        } catch (IOException e) {
            System.err.println("hearth: could not write " + file + " (" + e.getMessage() + "), so " + name
                    + "'s key was NOT revoked. Run this as root: sudo hearth pair --revoke " + name);
            return 1;
        }
        System.out.println("Removed " + name + "'s key from " + file + ".");
        boolean gone = tellDaemon(cfg, name + "'s key");
        if (cfg.carers().stream().anyMatch(c -> c.name().equals(name))) {
            System.out.println(name + " is still listed under carers in " + config
                    + "; Hearth skips a carer without a key. Remove the entry when convenient.");
        }
        return gone ? 0 : 1;
    }

    /**
     * Asks the running daemon to re-read the secrets file, and says in words what became of a key
     * just removed from it.
     *
     * @return true when no running daemon accepts the key any more: this one dropped it, or none is
     *         running (a daemon loads only the keys in the file when it starts)
     */
    private static boolean tellDaemon(HearthConfig cfg, String whose) {
        int port = cfg.coap().loopbackPort();
        if (port < 0) {
            System.err.println("hearth: " + whose + " is gone from the secrets file, but coap.loopback_port is off, so a running"
                    + " Hearth cannot be told: it accepts the key until it restarts (sudo systemctl restart hearth).");
            return false;
        }
        if (!LoopbackClient.answers(port)) {
            System.out.println(whose + " will not work: Hearth is not running (nothing answers on loopback port " + port
                    + "), and it loads only the keys in the secrets file when it starts.");
            return true;
        }
        try {
            String answer = LoopbackClient.reloadKeys(port, LocalToken.read(cfg.storage().dataDir()));
            System.out.println(whose + " no longer works: the running daemon dropped it (" + answer + ").");
            return true;
        } catch (IOException e) {
            System.err.println("hearth: " + whose + " is gone from the secrets file, but the running daemon did NOT drop it ("
                    + e.getMessage() + "). It still works until Hearth restarts: sudo systemctl restart hearth");
            return false;
        }
    }
}
