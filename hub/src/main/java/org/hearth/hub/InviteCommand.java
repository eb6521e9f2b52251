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

/** {@code hearth-hub invite}: a carer's one-time enrolment code for one home, or an operator's for an organisation's homes. */
@Command(name = "invite", mixinStandardHelpOptions = true,
        description = {"Invite a carer to a home (--home and --carer), or an operator to watch every home of an organisation",
                "(--operator and --org): print a one-time code (and its QR) for the device to enrol with.",
                "The code works once, for 72 hours. Works while the hub runs."})
final class InviteCommand implements Callable<Integer> {

    static final String ORG_RULE = "must be 1 to 64 letters, digits, dots, dashes or underscores";

    @Mixin
    ConfigOption config;

    @Option(names = "--home", description = "The home's id, as `homes list` shows it, or its identity (home-…), as its pairing code names it.")
    String homeId;

    @Option(names = "--carer", description = "The carer's name exactly as the home's ladder names them (a `via: hub` entry), e.g. Priya.")
    String carer;

    @Option(names = "--level", defaultValue = "1", description = "The carer's level on the home's ladder (default: ${DEFAULT-VALUE}).")
    int level;

    @Option(names = "--operator", description = "An alarm-receiving operator's name: their device watches every home of --org,"
            + " with open alerts and silent gateways first; the homes' carers act on alerts.")
    String operator;

    @Option(names = "--org", description = "The organisation the operator watches, as `homes add --org` named it.")
    String org;

    @Option(names = "--no-qr", description = "Print the code as text only.")
    boolean noQr;

    static boolean validOrg(String org) {
        return org.matches("[A-Za-z0-9._-]{1,64}");
    }

    @Override
    public Integer call() {
        boolean forCarer = homeId != null || carer != null;
        if (forCarer == (operator != null || org != null)) {
            System.err.println("hearth-hub: give --home and --carer to invite a carer, or --operator and --org to invite an operator");
            return HubMain.EXIT_INVALID;
        }
        String name = (forCarer ? carer : operator) == null ? "" : (forCarer ? carer : operator).strip();
        if (name.isEmpty() || name.length() > 200 || level < 1 || level > 20) {
            System.err.println("hearth-hub: the name must be 1 to 200 characters and --level a whole number from 1 to 20");
            return HubMain.EXIT_INVALID;
        }
        if (forCarer ? homeId == null : org == null || !validOrg(org)) {
            System.err.println(forCarer ? "hearth-hub: --home is needed with --carer" : "hearth-hub: --org " + ORG_RULE);
            return HubMain.EXIT_INVALID;
        }
        HubConfig cfg = config.load();
        Optional<HubConfig.Http> http = cfg.http();
        try (HubStore store = Hub.openStore(cfg)) {
            String code;
            if (forCarer) {
                Optional<Home> home = store.home(homeId).or(() -> store.homeByIdentity(homeId));
                if (home.isEmpty()) {
                    System.err.println("hearth-hub: there is no home " + homeId + "; `hearth-hub homes list` shows them");
                    return 1;
                }
                code = Invites.issue(store, home.get().id(), name, level, Instant.now());
                System.out.println("Invited " + name + " (level " + level + ") to home " + home.get().id() + " \"" + home.get().label()
                        + "\". One-time code, valid 72 hours:");
            } else {
                code = Invites.issueOperator(store, org, name, Instant.now());
                System.out.println("Invited operator " + name + " to watch the homes of " + org + " ("
                        + store.homesOf(org).size() + " now). One-time code, valid 72 hours:");
            }
            System.out.println(code);
            http.ifPresent(h -> {
                String link = Invites.link(h.publicUrl(), code);
                System.out.println("The invite's link: the phone's camera opens it from the QR code, with the code filled in:");
                System.out.println(link);
                System.out.println("The same invite as text, for scripts (pasting it into the app works too):");
                System.out.println(Invites.qrText(h.publicUrl(), code));
                if (!noQr) {
                    System.out.print(TerminalQr.of(link));
                }
            });
            return 0;
        }
    }
}
