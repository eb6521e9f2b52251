package org.hearth.gateway.app.provision;

import java.util.List;
import java.util.stream.Collectors;
import org.hearth.gateway.app.config.Settings;

/**
 * Section 5 of the wizard: the carers on the escalation ladder, in the order they are told. The
 * carers reached through the care hub are shown but kept as they are; the wizard does not change them.
 */
final class CarerQuestions {

    private final Asking asking;
    private final HomePlan plan;

    CarerQuestions(Asking asking, HomePlan plan) {
        this.asking = asking;
        this.plan = plan;
    }

    String summary() {
        return "Carers: " + (plan.carers.isEmpty() ? "none" : plan.carers.stream().map(CarerQuestions::plain)
                .collect(Collectors.joining("; ")))
                + (plan.hubCarers.isEmpty() ? "" : "; and through the care hub (kept as they are): " + plan.hubCarers.stream()
                .map(c -> c.name() + ", level " + c.level()).collect(Collectors.joining("; ")));
    }

    void ask() {
        asking.say("5. Carers, in the order they are told");
        asking.say("  Level 1 is told first; if nobody there answers, level 2, and so on. The last should be a helpline.");
        while (true) {
            if (plan.carers.isEmpty()) {
                asking.say("  No carers yet.");
            }
            for (int i = 0; i < plan.carers.size(); i++) {
                asking.say("    " + (i + 1) + " " + plain(plan.carers.get(i)));
            }
            String a = asking.ask("Type 'add' to add a carer, a number to change that carer, or 'done'.",
                    plan.carers.isEmpty() ? "add" : "done", t -> Asking.listCommand(t, plan.carers.size()));
            if (a.equals("done")) {
                return;
            }
            if (a.equals("add")) {
                add();
            } else {
                change(Integer.parseInt(a) - 1);
            }
        }
    }

    private void add() {
        String name = asking.ask("What is the carer's name? A first name, or the helpline's name.", null,
                t -> Checks.carerName(t, plan.carers));
        int next = plan.carers.stream().mapToInt(HomePlan.Carer::level).max().orElse(0) + 1;
        int level = asking.ask("Which level is " + name + "? 1 is told first.", Integer.toString(Math.min(next, Settings.CARER_LEVEL.max())),
                t -> Checks.whole(t, Settings.CARER_LEVEL));
        var endpoint = asking.ask("What is the address of " + name + "'s device on the network? For example 192.168.1.30.", null,
                Checks::endpoint);
        plan.carers.add(new HomePlan.Carer(name, level, endpoint, true));
        asking.say("  Added " + name + ". After saving, " + name + " scans a QR code to pair their device.");
    }

    private void change(int i) {
        HomePlan.Carer c = plan.carers.get(i);
        String a = asking.choice("Type 'remove' to take " + c.name() + " off the list, 'new key' to pair " + c.name()
                + " again with a new QR code, or 'keep'.", "keep", List.of("remove", "new key", "keep"));
        switch (a) {
            case "remove" -> {
                plan.carers.remove(i);
                asking.say("  Removed " + c.name() + "; their key stops working when you save.");
            }
            case "new key" -> plan.carers.set(i, new HomePlan.Carer(c.name(), c.level(), c.endpoint(), true));
            default -> { }
        }
    }

    static String plain(HomePlan.Carer c) {
        return c.name() + ", level " + c.level() + ", device " + c.endpoint().getHost() + ":" + c.endpoint().getPort()
                + (c.newKey() ? ", pairs on saving" : ", paired");
    }
}
