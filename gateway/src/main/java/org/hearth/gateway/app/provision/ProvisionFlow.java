package org.hearth.gateway.app.provision;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.hearth.voice.skill.CouncilPack;

/**
 * The wizard's order: its six sections one after another, each taking its defaults from the
 * {@link HomePlan}, then a numbered summary; the installer changes any section by its number, and
 * nothing is decided until they type {@code save}. Pure: it only talks to the {@link Console} and
 * fills the plan. The questions themselves are in {@link HomeQuestions} (sections 1-3), {@link
 * SensorQuestions} and {@link DeviceQuestions} (4), {@link CarerQuestions} (5) and {@link
 * ThresholdQuestions} (6).
 */
final class ProvisionFlow {

    static final int SECTIONS = 6;

    private final Asking asking;
    private final HomePlan plan;
    private final HomeQuestions home;
    private final SensorQuestions sensors;
    private final CarerQuestions carers;
    private final ThresholdQuestions thresholds;

    ProvisionFlow(Console console, HomePlan plan, Function<String, Checked<CouncilPack>> packs, HardwareCheck hardware) {
        this.asking = new Asking(console);
        this.plan = plan;
        this.home = new HomeQuestions(asking, plan, packs);
        this.sensors = new SensorQuestions(asking, plan, new DeviceQuestions(asking, plan, hardware));
        this.carers = new CarerQuestions(asking, plan);
        this.thresholds = new ThresholdQuestions(asking, plan);
    }

    /** Asks everything, then lets the installer change any section; the plan when they save, empty when they quit. */
    Optional<HomePlan> run() {
        try {
            for (int s = 1; s <= SECTIONS; s++) {
                section(s);
            }
            return review();
        } catch (Asking.EndOfInput e) {
            return ended();
        }
    }

    /** Back to the summary, after Hearth refused what was saved: the installer changes it and saves again. */
    Optional<HomePlan> reviewAgain() {
        try {
            return review();
        } catch (Asking.EndOfInput e) {
            return ended();
        }
    }

    /** Asks one more question, outside the sections: null when the input has ended. */
    <T> T extra(String question, String def, Function<String, Checked<T>> parse) {
        try {
            return asking.ask(question, def, parse);
        } catch (Asking.EndOfInput e) {
            return null;
        }
    }

    private Optional<HomePlan> ended() {
        asking.say("");
        asking.say("The answers ended before 'save'. Nothing was saved.");
        return Optional.empty();
    }

    private Optional<HomePlan> review() {
        while (true) {
            asking.say("");
            asking.say("Here is everything. Nothing is saved yet.");
            for (int s = 1; s <= SECTIONS; s++) {
                asking.say("  " + s + ". " + summary(s));
            }
            String t = asking.ask("Type a number to change it, or 'save' (or 'quit' to leave without saving):", null, Checked::ok)
                    .toLowerCase(Locale.ROOT);
            if (t.equals("save")) {
                List<String> problems = problems(plan);
                if (problems.isEmpty()) {
                    return Optional.of(plan);
                }
                asking.say("It cannot be saved yet:");
                problems.forEach(p -> asking.say("  - " + p));
            } else if (t.equals("quit")) {
                asking.say("Nothing was saved.");
                return Optional.empty();
            } else if (t.matches("[1-9]") && Integer.parseInt(t) <= SECTIONS) {
                section(Integer.parseInt(t));
            } else {
                asking.say("  Sorry: type a number from 1 to " + SECTIONS + ", or 'save'.");
            }
        }
    }

    /** What must be true of a whole plan before it is saved, in plain words. */
    static List<String> problems(HomePlan plan) {
        List<String> out = new ArrayList<>();
        if (!plan.hasCarers()) {
            out.add("add at least one carer (section 5), or no one will ever be told of an alert");
        }
        if (plan.sensorCount() == 0) {
            out.add("add at least one sensor (section 4)");
        }
        Checks.temperatures(plan.temperatureLowC, plan.temperatureHighC).ifPresent(p -> out.add(p + " (section 6)"));
        return out;
    }

    private void section(int s) {
        asking.say("");
        switch (s) {
            case 1 -> home.resident();
            case 2 -> home.council();
            case 3 -> home.quietHours();
            case 4 -> sensors.ask();
            case 5 -> carers.ask();
            case 6 -> thresholds.ask();
            default -> throw new IllegalArgumentException("no section " + s);
        }
    }

    String summary(int s) {
        return switch (s) {
            case 1 -> home.residentSummary();
            case 2 -> home.councilSummary();
            case 3 -> home.quietHoursSummary();
            case 4 -> sensors.summary();
            case 5 -> carers.summary();
            case 6 -> thresholds.summary();
            default -> throw new IllegalArgumentException("no section " + s);
        };
    }
}
