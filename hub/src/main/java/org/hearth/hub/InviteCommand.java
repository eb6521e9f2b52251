package org.hearth.hub;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.hearth.hub.config.HubConfig;
import org.hearth.hub.http.Invites;
import org.hearth.hub.store.Home;
import org.hearth.hub.store.HubStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hearth-hub invite}: a carer's one-time enrolment code for one home. */
@Command(name = "invite", mixinStandardHelpOptions = true,
        description = {"Invite a carer to a home: print a one-time code (and its QR) for the carer's device to enrol with.",
                "The code works once, for 72 hours. Works while the hub runs."})
final class InviteCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Option(names = "--home", required = true,
            description = "The home's id, as `homes list` shows it, or its identity (home-…), as its pairing code names it.")
    String homeId;

    @Option(names = "--carer", required = true,
            description = "The carer's name exactly as the home's ladder names them (a `via: hub` entry), e.g. Priya.")
    String carer;

    @Option(names = "--level", defaultValue = "1", description = "The carer's level on the home's ladder (default: ${DEFAULT-VALUE}).")
    int level;

    @Option(names = "--no-qr", description = "Print the code as text only.")
    boolean noQr;

    @Override
    public Integer call() {
        if (carer.isBlank() || carer.strip().length() > 200 || level < 1 || level > 20) {
            System.err.println("hearth-hub: --carer must be 1 to 200 characters and --level a whole number from 1 to 20");
            return HubMain.EXIT_INVALID;
        }
        HubConfig cfg = config.load();
        Optional<HubConfig.Http> http = cfg.http();
        try (HubStore store = Hub.openStore(cfg)) {
            Optional<Home> home = store.home(homeId).or(() -> store.homeByIdentity(homeId));
            if (home.isEmpty()) {
                System.err.println("hearth-hub: there is no home " + homeId + "; `hearth-hub homes list` shows them");
                return 1;
            }
            String code = Invites.issue(store, home.get().id(), carer.strip(), level, Instant.now());
            System.out.println("Invited " + carer.strip() + " (level " + level + ") to home " + home.get().id() + " \"" + home.get().label()
                    + "\". One-time code, valid 72 hours:");
            System.out.println(code);
            http.ifPresent(h -> {
                String text = Invites.qrText(h.publicUrl(), code);
                System.out.println(text);
                if (!noQr) {
                    System.out.print(TerminalQr.of(text));
                }
            });
            return 0;
        }
    }
}
