package org.hearth.hub;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hearth.hub.config.HubConfig;
import org.hearth.hub.store.Home;
import org.hearth.hub.store.HubStore;
import org.hearth.hub.store.Liveness;
import org.hearth.hub.store.PhoneNumbers;
import org.hearth.protocol.HubPairingCode;
import org.hearth.protocol.PairingCode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hearth-hub homes add|set|list|remove}: the homes whose gateways this hub serves. */
@Command(name = "homes", mixinStandardHelpOptions = true, description = "Add, change, list and remove the homes this hub serves.",
        subcommands = {HomesCommand.Add.class, HomesCommand.Change.class, HomesCommand.ListHomes.class, HomesCommand.Remove.class})
final class HomesCommand implements Runnable {

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Add a home with a fresh key and print its pairing code (and a QR code) for the installer.",
                    "The code holds the key: hand it only to the installer. Works while the hub runs."})
    static final class Add implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Option(names = "--label", required = true, description = "What the home is called, e.g. \"Flat 12\"; never the resident's name.")
        String label;

        @Option(names = "--org", defaultValue = "",
                description = "The organisation whose operators watch this home (see `invite --operator`), e.g. leicester-arc.")
        String org;

        @Option(names = "--phone", description = "The resident's phone number, which the home's carers can call from an alert:"
                + " + then the country code and number, e.g. \"+44 7700 900123\".")
        String phone;

        @Option(names = "--no-qr", description = "Print the code as text only.")
        boolean noQr;

        @Override
        public Integer call() {
            Optional<String> number = phone == null || phone.isBlank() ? Optional.empty() : PhoneNumbers.normalise(phone);
            if (phone != null && !phone.isBlank() && number.isEmpty()) {
                System.err.println("hearth-hub: --phone " + phone + ": " + PhoneNumbers.RULE);
                return HubMain.EXIT_INVALID;
            }
            if (label.isBlank() || label.length() > 200) {
                System.err.println("hearth-hub: --label must be 1 to 200 characters");
                return HubMain.EXIT_INVALID;
            }
            if (!InviteCommand.validOrg(org.strip()) && !org.isBlank()) {
                System.err.println("hearth-hub: --org " + InviteCommand.ORG_RULE);
                return HubMain.EXIT_INVALID;
            }
            HubConfig cfg = config.load();
            byte[] key = new byte[PairingCode.KEY_BYTES];
            new SecureRandom().nextBytes(key);
            try (HubStore store = Hub.openStore(cfg)) {
                Home home = store.addHome(label.strip(), org.strip(), key, Instant.now());
                store.setPhone(home.id(), number);
                HubPairingCode code = new HubPairingCode(
                        URI.create("coaps://" + cfg.uplink().publicHost() + ":" + cfg.uplink().port()), home.label(), home.identity(), key);
                System.out.println("Added home " + home.id() + " \"" + home.label() + "\" (identity " + home.identity() + ")"
                        + (org.isBlank() ? "." : ", watched by the operators of " + org.strip() + ".")
                        + number.map(n -> " The resident's phone: " + n + ".").orElse(""));
                System.out.println("Pairing code for the installer (it holds the key; give it to no one else):");
                System.out.println(code.text());
                if (!noQr) {
                    System.out.print(TerminalQr.of(code.text()));
                }
                return 0;
            }
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = {"Change a home: set the resident's phone number, which its carers can call from an alert,",
                    "or remove it with --phone ''. Works while the hub runs."})
    static final class Change implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Parameters(paramLabel = "ID", description = "The home's id, as `homes list` shows it.")
        String id;

        @Option(names = "--phone", required = true,
                description = "The resident's phone number, e.g. \"+44 7700 900123\"; '' removes it.")
        String phone;

        @Override
        public Integer call() {
            Optional<String> number = phone.isBlank() ? Optional.empty() : PhoneNumbers.normalise(phone);
            if (!phone.isBlank() && number.isEmpty()) {
                System.err.println("hearth-hub: --phone " + phone + ": " + PhoneNumbers.RULE);
                return HubMain.EXIT_INVALID;
            }
            HubConfig cfg = config.load();
            try (HubStore store = Hub.openStore(cfg)) {
                if (!store.setPhone(id, number)) {
                    System.err.println("hearth-hub: there is no home " + id + "; `hearth-hub homes list` shows them");
                    return 1;
                }
                System.out.println(number.map(n -> "The resident's phone at home " + id + " is now " + n + ".")
                        .orElse("Home " + id + " has no phone number now."));
                return 0;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the homes, with when each gateway was last heard.")
    static final class ListHomes implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Override
        public Integer call() {
            HubConfig cfg = config.load();
            try (HubStore store = Hub.openStore(cfg)) {
                Map<String, Liveness> heard = store.liveness().stream().collect(Collectors.toMap(Liveness::homeId, Function.identity()));
                System.out.printf("%-10s %-16s %-24s %s%n", "ID", "IDENTITY", "LABEL", "GATEWAY");
                for (Home home : store.homes()) {
                    System.out.printf("%-10s %-16s %-24s %s%n", home.id(), home.identity(), home.label(),
                            StatusCommand.gateway(heard.get(home.id())));
                }
                return 0;
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = {"Remove a home and everything the hub keeps for it (alerts, events, summary, queue).",
                    "Its gateway is refused from its next request on."})
    static final class Remove implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Parameters(paramLabel = "ID", description = "The home's id, as `homes list` shows it.")
        String id;

        @Override
        public Integer call() {
            HubConfig cfg = config.load();
            try (HubStore store = Hub.openStore(cfg)) {
                if (!store.removeHome(id)) {
                    System.err.println("hearth-hub: there is no home " + id + "; `hearth-hub homes list` shows them");
                    return 1;
                }
                System.out.println("Removed home " + id + " and everything kept for it.");
                return 0;
            }
        }
    }
}
