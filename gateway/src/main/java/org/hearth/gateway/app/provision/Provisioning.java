package org.hearth.gateway.app.provision;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hearth.gateway.app.Hearth;
import org.hearth.gateway.app.config.ConfigException;
import org.hearth.gateway.app.config.ConfigLoader;
import org.hearth.gateway.app.config.HearthConfig;
import org.hearth.gateway.app.config.Secrets;
import org.hearth.sensors.PendantSpec;
import org.hearth.voice.skill.CouncilPack;

/**
 * One run of {@code hearth provision}: start from the existing config (or the defaults), take the
 * answers (asked, or from a file), pair the new carers, write both files or neither, then offer
 * the walk test and the test alert. Exit codes: 0 saved, 1 failed or left without saving, 2
 * invalid answers.
 */
public final class Provisioning {

    /** What the wizard can run after saving; each returns the step's exit code. */
    public interface NextSteps {
        /** Restarts the running daemon so it reads the new files. */
        int restart();

        int walkTest(Path config);

        /** {@code hearth test-alert}, or empty when this Hearth has no such command. */
        Optional<Integer> testAlert(Path config);
    }

    public static final int SAVED = 0;
    public static final int FAILED = 1;
    public static final int INVALID = 2;

    private final Path config;
    private final URI gateway;
    private final Console console;
    private final HardwareCheck hardware;
    /** The keys just saved, for the QR codes shown after saving. */
    private Map<String, Secrets.CarerKey> pendingKeys = Map.of();

    /**
     * @param gateway how carers' devices reach this gateway, or null to work it out from coap.bind
     */
    public Provisioning(Path config, URI gateway, Console console) {
        this(config, gateway, console, HardwareCheck.onThisMachine());
    }

    /**
     * @param hardware how the wizard asks a new I2C sensor or radar whether it answers: the Pi's
     *                 buses, or emulated ones in tests
     */
    public Provisioning(Path config, URI gateway, Console console, HardwareCheck hardware) {
        this.config = config.toAbsolutePath();
        this.gateway = gateway;
        this.console = console;
        this.hardware = hardware;
    }

    /** The interactive wizard. */
    public int interactive(NextSteps next) {
        Start start = start();
        pack(start.plan.council);
        console.say("Hearth set-up. Press Enter to take the answer in [brackets]; you can change anything before saving.");
        ProvisionFlow flow = new ProvisionFlow(console, start.plan, this::pack, hardware);
        Optional<HomePlan> plan = flow.run();
        while (true) {
            if (plan.isEmpty()) {
                return FAILED;
            }
            URI gw = gatewayFor(plan.get(), flow);
            if (gw == null && needsPairing(plan.get())) {
                return FAILED;
            }
            int saved = save(plan.get(), start.keys);
            if (saved == SAVED) {
                pairNow(plan.get(), gw, true);
                afterSave(next);
                return SAVED;
            }
            if (saved != INVALID) {
                return saved;
            }
            console.say("Change the answers above, then save again.");
            plan = flow.reviewAgain();
        }
    }

    /** The same from an answers file, asking nothing. */
    public int fromAnswers(Path answers) {
        Start start = start();
        Set<String> pairedBefore = start.plan.pendants.stream().map(PendantSpec::address).collect(Collectors.toSet());
        List<String> problems = AnswersFile.read(answers, start.plan, this::pack, hardware);
        if (!problems.isEmpty()) {
            console.say("hearth: the answers in " + answers + " are not valid; nothing was written:");
            problems.forEach(p -> console.say("  " + p));
            return INVALID;
        }
        List<String> unpaired = pairNewPendants(start.plan, pairedBefore);
        if (!unpaired.isEmpty()) {
            console.say("hearth: a pendant could not be paired; nothing was written:");
            unpaired.forEach(p -> console.say("  " + p));
            return FAILED;
        }
        URI gw = gatewayFor(start.plan, null);
        if (gw == null && needsPairing(start.plan)) {
            return INVALID;
        }
        int saved = save(start.plan, start.keys);
        if (saved != SAVED) {
            return saved;
        }
        pairNow(start.plan, gw, false);
        console.say("Next: restart Hearth (sudo systemctl restart hearth), then run the walk test and the test alert:");
        console.say("  sudo hearth walk-test --config " + config);
        console.say("  sudo hearth test-alert --config " + config);
        return SAVED;
    }

    private record Start(HomePlan plan, Map<String, Secrets.CarerKey> keys) {
    }

    /**
     * Pairs and trusts each pendant of the answers that the configuration did not have: one scan
     * (BlueZ pairs only a device it has seen), then each by its address. Returns the problems, each
     * as {@code pendants[N].address: message}; none when every new pendant is paired.
     */
    private List<String> pairNewPendants(HomePlan plan, Set<String> pairedBefore) {
        List<String> problems = new java.util.ArrayList<>();
        List<PendantSpec> fresh = plan.pendants.stream().filter(p -> !pairedBefore.contains(p.address())).toList();
        if (fresh.isEmpty()) {
            return problems;
        }
        console.say("Looking for " + fresh.size() + " pendant(s) for " + hardware.scanWords()
                + ": switch them on and hold them near the Pi.");
        Map<String, Checked<List<org.hearth.sensors.ble.PendantPairing.Found>>> scans = new java.util.HashMap<>();
        for (PendantSpec p : fresh) {
            String at = "pendants[" + plan.pendants.indexOf(p) + "].address: ";
            Checked<List<org.hearth.sensors.ble.PendantPairing.Found>> nearby = scans.computeIfAbsent(p.adapter() + " " + p.profile(),
                    k -> hardware.pendantsNearby(p.adapter(), p.profile()));
            if (!nearby.isOk()) {
                problems.add(at + "Bluetooth cannot be used: " + nearby.problem());
            } else if (nearby.value().stream().noneMatch(f -> f.address().equals(p.address()))) {
                problems.add(at + "no " + org.hearth.sensors.ble.PendantProfile.named(p.profile()).model() + " at " + p.address()
                        + " was found nearby" + (nearby.value().isEmpty() ? "" : " (found: " + nearby.value().stream()
                        .map(org.hearth.sensors.ble.PendantPairing.Found::address).collect(Collectors.joining(", ")) + ")")
                        + "; is it switched on and near the Pi?");
            } else {
                hardware.pair(p.adapter(), p.address()).ifPresentOrElse(why -> problems.add(at + why),
                        () -> console.say("Paired and trusted the pendant " + p.address() + " (" + p.id() + ")."));
            }
        }
        return problems;
    }

    /** The existing home's settings and keys as the defaults, or the documented defaults. */
    private Start start() {
        if (!Files.exists(config)) {
            return new Start(HomePlan.defaults(), Map.of());
        }
        HearthConfig cfg;
        try {
            cfg = ConfigLoader.loadWithoutSecrets(config);
        } catch (ConfigException e) {
            console.say("The configuration in " + config + " has problems, so the wizard starts from the defaults.");
            console.say("The old file stays as it is until you save:");
            e.errors().forEach(line -> console.say("  " + line));
            return new Start(HomePlan.defaults(), Map.of());
        }
        Map<String, Secrets.CarerKey> keys = new LinkedHashMap<>();
        try {
            keys.putAll(ConfigLoader.loadSecretsIfPresent(cfg.secretsFile()).carers());
        } catch (ConfigException e) {
            console.say("The secrets file " + cfg.secretsFile() + " cannot be read, so every carer will be paired again:");
            e.errors().forEach(line -> console.say("  " + line));
        }
        console.say("Starting from this home's settings in " + config + ".");
        List<String> viaHub = cfg.carers().stream().filter(HearthConfig.CarerEntry::viaHub).map(HearthConfig.CarerEntry::name).toList();
        if (cfg.hubUplink().isPresent() || !viaHub.isEmpty()) {
            console.say("The care hub" + cfg.hubUplink().map(h -> " (" + h.uri() + ")").orElse("")
                    + (viaHub.isEmpty() ? "" : " and the carers reached through it (" + String.join(", ", viaHub) + ")")
                    + " are kept as they are; this wizard does not change them (hearth pair --hub links a hub).");
        }
        return new Start(HomePlan.from(cfg, config, keys.keySet()), keys);
    }

    /** A built-in pack by id, or a pack file beside the config; each read once (a sample pack warns as it is read). */
    private Checked<CouncilPack> pack(String name) {
        return packs.computeIfAbsent(name, n -> {
            try {
                Path file = config.getParent().resolve(n);
                return Checked.ok(Files.isRegularFile(file) ? CouncilPack.read(file) : CouncilPack.builtIn(n));
            } catch (IOException | RuntimeException e) {
                return Checked.no(e.getMessage());
            }
        });
    }

    private final Map<String, Checked<CouncilPack>> packs = new java.util.HashMap<>();

    private static boolean needsPairing(HomePlan plan) {
        return plan.carers.stream().anyMatch(HomePlan.Carer::newKey);
    }

    /**
     * Where carers' devices find this gateway: --gateway, or from coap.bind, or (in the wizard)
     * asked; null, having said why, when it cannot be known.
     */
    private URI gatewayFor(HomePlan plan, ProvisionFlow ask) {
        if (gateway != null || !needsPairing(plan)) {
            return gateway;
        }
        try {
            return CarerPairing.gatewayUri(plan.coap);
        } catch (IOException e) {
            if (ask == null) {
                console.say("hearth: " + e.getMessage() + ". Nothing was written.");
                return null;
            }
        }
        console.say("Hearth cannot tell its own address on the home network.");
        return ask.extra("What address do the carers' devices reach this gateway at? For example 192.168.1.20.", null,
                t -> Checks.endpoint(t.contains("://") || t.matches(".*:\\d+") ? t : t + ":" + plan.coap.port()));
    }

    private int save(HomePlan plan, Map<String, Secrets.CarerKey> existing) {
        Map<String, Secrets.CarerKey> keys = new LinkedHashMap<>();
        for (int i = 0; i < plan.carers.size(); i++) {
            HomePlan.Carer c = plan.carers.get(i);
            boolean fresh = c.newKey() || !existing.containsKey(c.name());
            keys.put(c.name(), fresh ? CarerPairing.newKey(c.name()) : existing.get(c.name()));
            if (fresh && !c.newKey()) {
                plan.carers.set(i, new HomePlan.Carer(c.name(), c.level(), c.endpoint(), true));
            }
        }
        try {
            ProvisionFiles.save(plan, config, keys);
        } catch (ConfigException e) {
            console.say("hearth: Hearth would not accept these settings, so nothing was written:");
            e.errors().forEach(line -> console.say("  " + line));
            return INVALID;
        } catch (IOException e) {
            console.say("hearth: could not write " + config + ": " + e.getMessage() + ". The old configuration is unchanged.");
            return FAILED;
        }
        pendingKeys = keys;
        Path secrets = config.getParent().resolve(plan.secretsFile);
        console.say("");
        console.say("Saved. The settings are in " + config + " and the carers' keys in " + secrets + " (mode 0600).");
        List<String> removed = existing.keySet().stream().filter(n -> !keys.containsKey(n)).toList();
        if (!removed.isEmpty()) {
            console.say("The keys of " + String.join(", ", removed) + " were removed; they stop working when Hearth restarts.");
        }
        return SAVED;
    }

    /** Shows each new carer's QR code; interactively, waits until their device has enrolled. */
    private void pairNow(HomePlan plan, URI gw, boolean wait) {
        for (HomePlan.Carer c : plan.carers) {
            if (!c.newKey()) {
                continue;
            }
            Secrets.CarerKey key = pendingKeys.get(c.name());
            console.say("");
            console.say("Pair " + c.name() + "'s device: on it, run hearth-carer enroll and scan this code.");
            console.say("The code holds " + c.name() + "'s key: show it only to " + c.name() + ".");
            console.say("");
            CarerPairing.terminalQr(CarerPairing.code(gw, c.name(), key)).lines().forEach(console::say);
            if (wait) {
                String a = console.ask("Press Enter when " + c.name() + "'s device says ENROLLED.");
                if (a == null) {
                    return;
                }
            }
        }
    }

    private void afterSave(NextSteps next) {
        console.say("");
        if (yes("Restart Hearth now, so it uses the new settings?")) {
            int code = next.restart();
            console.say(code == 0 ? "Hearth restarted." : "Hearth did not restart (exit " + code
                    + "); check it with: systemctl status hearth");
        } else {
            console.say("Restart it later with: sudo systemctl restart hearth");
        }
        if (yes("Run the walk test now? You trigger each sensor in turn.")) {
            int code = next.walkTest(config);
            console.say(code == 0 ? "The walk test passed." : "The walk test did not pass; run it again with: sudo hearth walk-test");
        } else {
            console.say("Run it later with: sudo hearth walk-test --config " + config);
        }
        if (yes("Send a test alert to the carers now? Each carer should acknowledge it.")) {
            Optional<Integer> code = next.testAlert(config);
            if (code.isEmpty()) {
                console.say("This Hearth cannot send a test alert by itself yet. Run next: sudo hearth test-alert --config " + config);
            } else {
                console.say(code.get() == 0 ? "The test alert was acknowledged." : "The test alert was not acknowledged (exit "
                        + code.get() + "); check each carer's device, then: sudo hearth test-alert --config " + config);
            }
        } else {
            console.say("Send it later with: sudo hearth test-alert --config " + config);
        }
        console.say("Provisioning is done.");
    }

    private boolean yes(String question) {
        while (true) {
            String a = console.ask(question + " [yes]");
            if (a == null) {
                return false;
            }
            Checked<Boolean> c = Checks.yesNo(a.isEmpty() ? "yes" : a);
            if (c.isOk()) {
                return c.value();
            }
            console.say("  Sorry: " + c.problem() + ".");
        }
    }
}
