package org.hearth.gateway.app.provision;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.hearth.voice.skill.CollectionAddresses;
import org.hearth.voice.skill.CouncilPack;
import org.hearth.voice.skill.Library;

/**
 * Sections 1 to 3 of the wizard, about the household rather than its devices: the resident and
 * their languages, the council with the bin day and the library, and the quiet hours.
 */
final class HomeQuestions {

    private final Asking asking;
    private final HomePlan plan;
    private final Function<String, Checked<CouncilPack>> packs;

    HomeQuestions(Asking asking, HomePlan plan, Function<String, Checked<CouncilPack>> packs) {
        this.asking = asking;
        this.plan = plan;
        this.packs = packs;
    }

    String residentSummary() {
        return "The resident: alerts say \"" + plan.label + "\"; speaks " + Checks.LANGUAGE_NAMES.get(plan.language)
                + " (" + plan.language + ")" + (plan.secondLanguage == null ? ""
                : "; a second person speaks " + Checks.LANGUAGE_NAMES.get(plan.secondLanguage) + " (" + plan.secondLanguage + ")");
    }

    String councilSummary() {
        return "Council and bins: " + plan.council + "; " + (plan.binDay == null ? "bin day not set"
                : "bins on " + day(plan.binDay) + ", round " + plan.binRound)
                + (plan.library == null ? "" : "; library: " + plan.library);
    }

    String quietHoursSummary() {
        return "Quiet hours (sleep): " + plan.quietFrom + "-" + plan.quietTo;
    }

    // ---- 1. the resident ----

    void resident() {
        asking.say("1. The resident");
        plan.label = asking.ask("What should alerts call this home? A first name or a label like Flat 12, never a full name.",
                plan.label, Checks::label);
        asking.say("  Hearth speaks " + Checks.languages() + ".");
        asking.say("  Text and buttons only, as no speech model exists for them: " + Checks.textAndButtonsOnly() + ".");
        plan.language = asking.ask("Which language does the resident speak?", plan.language, Checks::language);
        String second = asking.ask("Does a second person in the home speak another language? Type it, or none.",
                plan.secondLanguage == null || plan.secondLanguage.equals(plan.language) ? "none" : plan.secondLanguage,
                t -> Checks.secondLanguage(t, plan.language));
        plan.secondLanguage = second.isEmpty() ? null : second;
        for (String code : plan.languages()) {
            asking.say("  " + Checks.listening(code));
        }
        if (plan.secondLanguage != null) {
            asking.say("  Hearth answers each person in the language it heard, and says its own news in both.");
        }
    }

    // ---- 2. the council, the address and the bins ----

    void council() {
        asking.say("2. The council and the bins");
        String[] typed = new String[1];
        CouncilPack pack = asking.ask("Which council is this home in? (the assistant answers from its pack)", plan.council, t -> {
            typed[0] = t.strip();
            return packs.apply(typed[0]);
        });
        plan.council = typed[0];
        if (pack.sample()) {
            asking.say("  Note: this council's information is SAMPLE data, not yet checked by the council.");
        }
        if (plan.binRound != null && !pack.bins().rounds().containsKey(plan.binRound)) {
            plan.binDay = null;
            plan.binRound = null;
        }
        if (plan.library != null && pack.libraries().stream().noneMatch(l -> l.name().equalsIgnoreCase(plan.library))) {
            plan.library = null;
        }
        String keep = plan.binDay == null ? "skip" : "keep";
        if (plan.binDay != null) {
            asking.say("  The bins are now collected on " + day(plan.binDay) + ", round " + plan.binRound + ".");
        }
        if (pack.addresses().isEmpty()) {
            // A checked pack holds no street list: the day is the council's word to each household.
            Optional<DayOfWeek> day = asking.ask("Which day are the bins collected? (the council's letter or website says it; Enter to "
                    + keep + ")", keep, t -> t.strip().equalsIgnoreCase(keep) ? Checked.ok(Optional.<DayOfWeek>empty())
                    : Checks.weekday(t).map(Optional::of));
            if (day.isPresent()) {
                plan.binDay = day.get();
                plan.binRound = round(pack);
            }
        } else {
            while (true) {
                String where = asking.ask("What is the home's street and postcode? (to find the bin day; Enter to " + keep + ")", keep,
                        Checked::ok);
                if (where.equalsIgnoreCase(keep) || bins(pack, where)) {
                    break;
                }
            }
        }
        if (!pack.libraries().isEmpty()) {
            library(pack);
        }
    }

    /** Looks the address up; true when the bins are settled (found, typed by hand or skipped). */
    private boolean bins(CouncilPack pack, String typed) {
        List<CollectionAddresses.Match> found = pack.addresses().lookup(typed);
        if (found.size() == 1) {
            CollectionAddresses.Area a = found.get(0).area();
            asking.say("  Found " + a.plain() + ": bins on " + day(a.day()) + ", round " + a.round() + ".");
            if (asking.ask("Is that right?", "yes", Checks::yesNo)) {
                take(a);
                return true;
            }
        } else if (found.size() > 1) {
            asking.say("  That address could be any of these:");
            for (int i = 0; i < found.size(); i++) {
                CollectionAddresses.Area a = found.get(i).area();
                asking.say("    " + (i + 1) + " " + a.plain() + ": " + day(a.day()) + ", round " + a.round());
            }
            int n = asking.ask("Which one? Type its number, or 0 for none of these.", "1", t -> Checks.whole(t, 0, found.size()));
            if (n > 0) {
                take(found.get(n - 1).area());
                return true;
            }
        } else {
            asking.say("  That address is not in " + pack.council() + "'s list.");
        }
        asking.say("  You can type the bin day and round by hand (the council's letter or website says them),");
        asking.say("  try the address again, or skip: the assistant will then say it does not know the bin day yet.");
        switch (asking.choice("Type 'hand', 'again' or 'skip'.", "hand", List.of("hand", "again", "skip"))) {
            case "again" -> {
                return false;
            }
            case "skip" -> {
                plan.binDay = null;
                plan.binRound = null;
                return true;
            }
            default -> {
                plan.binDay = asking.ask("Which day are the bins collected?", plan.binDay == null ? "tuesday" : day(plan.binDay),
                        Checks::weekday);
                plan.binRound = round(pack);
                return true;
            }
        }
    }

    /** The household's round: asked only when the council has more than one. */
    private String round(CouncilPack pack) {
        // sorted: the pack's map of rounds has no order of its own
        Set<String> rounds = new TreeSet<>(pack.bins().rounds().keySet());
        if (rounds.size() == 1) {
            return rounds.iterator().next();
        }
        String def = plan.binRound != null && rounds.contains(plan.binRound) ? plan.binRound : rounds.iterator().next();
        return asking.ask("Which round? " + pack.council() + "'s rounds are " + String.join(", ", rounds) + ".",
                def, t -> rounds.stream().filter(r -> r.equalsIgnoreCase(t)).findFirst().map(Checked::ok)
                        .orElse(Checked.no("type one of " + String.join(", ", rounds))));
    }

    private void take(CollectionAddresses.Area a) {
        plan.binDay = a.day();
        plan.binRound = a.round();
        if (a.library() != null) {
            plan.library = a.library();
        }
    }

    private void library(CouncilPack pack) {
        List<Library> libs = pack.libraries();
        for (int i = 0; i < libs.size(); i++) {
            asking.say("    " + (i + 1) + " " + libs.get(i).name());
        }
        int current = 1;
        for (int i = 0; i < libs.size(); i++) {
            if (libs.get(i).name().equalsIgnoreCase(plan.library == null ? "" : plan.library)) {
                current = i + 1;
            }
        }
        int n = asking.ask("Which library is nearest? Type its number.", Integer.toString(current),
                t -> Checks.whole(t, 1, libs.size()));
        plan.library = libs.get(n - 1).name();
    }

    // ---- 3. quiet hours ----

    void quietHours() {
        asking.say("3. Quiet hours");
        LocalTime[] q = asking.ask("When does the resident usually sleep? Stillness in bed then is sleep, not a fall. Write it like "
                + "22:00-07:00.", plan.quietFrom + "-" + plan.quietTo, Checks::quietHours);
        plan.quietFrom = q[0];
        plan.quietTo = q[1];
    }

    private static String day(DayOfWeek d) {
        return d.getDisplayName(TextStyle.FULL, Locale.UK);
    }
}
