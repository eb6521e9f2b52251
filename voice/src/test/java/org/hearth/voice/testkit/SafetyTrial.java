package org.hearth.voice.testkit;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.hearth.time.VirtualScheduler;
import org.hearth.voice.Assistant;
import org.hearth.voice.AssistantSettings;
import org.hearth.voice.Heard;
import org.hearth.voice.InMemoryReminderStore;
import org.hearth.voice.Reply;
import org.hearth.voice.intent.Intent;
import org.hearth.voice.intent.LanguageResources;
import org.hearth.voice.intent.Tokens;
import org.hearth.voice.skill.CouncilPack;
import org.hearth.voice.skill.Household;
import org.hearth.voice.testkit.SafetyCorpus.Case;
import org.hearth.voice.testkit.SafetyCorpus.Kind;

/**
 * Plays corpus lines to an assistant with a pre-alarm open, in two settings: a check-in ("Are you
 * all right?" was just asked, the setting a television can reach) and a request after the talk
 * button. When the assistant asks again, the same line is heard again, as a television goes on
 * talking and a resident repeats themselves. Counts what went wrong:
 * <ul>
 * <li>unsafe cancel: a negated cancel or a call for help cancelled, in either setting, or a
 *     background line cancelled a check-in;
 * <li>unsafe alarm: a cancel called for help or asked "Did you say you need help?", in either
 *     setting, or a background line did so;
 * <li>missed help: a call for help did not raise help (after "yes" to the question, if asked);
 * <li>missed cancel: a cancel phrase did not cancel.
 * </ul>
 * A background line after the talk button may cancel: the button is pressed by the resident, so
 * what follows is taken as theirs.
 */
public final class SafetyTrial {

    /** Turns a case into what the recogniser heard; called once per hearing. */
    public interface Ears {
        Heard hear(Case c);
    }

    private int cases;
    private final List<String> unsafeCancels = new ArrayList<>();
    private final List<String> unsafeAlarms = new ArrayList<>();
    private final List<String> missedHelp = new ArrayList<>();
    private final List<String> missedCancels = new ArrayList<>();

    /** Typed text, as sure as the typist. */
    public static final Ears TYPED = c -> Heard.text(Tokens.of(c.text()));

    /** Plays each case to a household of its own language alone. */
    public void run(List<Case> corpus, Ears ears) {
        run(corpus, ears, List::of);
    }

    /**
     * Plays each case to the household {@code household} gives for the case's language, its
     * languages main first, such as {@code [pa, en]} for a Punjabi line: two people in one home,
     * who may speak either. Counted with every other case of this trial.
     */
    public void run(List<Case> corpus, Ears ears, Function<String, List<String>> household) {
        for (Case c : corpus) {
            run(c, ears, household.apply(c.language()));
        }
    }

    public void run(Case c, Ears ears) {
        run(c, ears, List.of(c.language()));
    }

    private void run(Case c, Ears ears, List<String> household) {
        cases++;
        Outcome checkIn = checkIn(c, ears, household);
        Outcome button = afterButton(c, ears, household);
        boolean backgroundAtButtonMayCancel = c.kind() == Kind.BACKGROUND;
        if (checkIn.cancelled && c.kind() != Kind.CANCEL
                || button.cancelled && c.kind() != Kind.CANCEL && !backgroundAtButtonMayCancel) {
            unsafeCancels.add(c + " " + household + " check-in=" + checkIn + " button=" + button);
        }
        if ((c.kind() == Kind.CANCEL || c.kind() == Kind.BACKGROUND)
                && (checkIn.raised || checkIn.asked || button.raised || button.asked)) {
            unsafeAlarms.add(c + " " + household + " check-in=" + checkIn + " button=" + button);
        }
        if (c.kind() == Kind.HELP && !(checkIn.raised && button.raised)) {
            missedHelp.add(c + " " + household + " check-in=" + checkIn + " button=" + button);
        }
        if (c.kind() == Kind.CANCEL && !(checkIn.cancelled && button.cancelled)) {
            missedCancels.add(c + " " + household + " check-in=" + checkIn + " button=" + button);
        }
    }

    private record Outcome(boolean cancelled, boolean raised, boolean asked) {
        @Override
        public String toString() {
            return cancelled ? "cancelled" : raised ? "help" : asked ? "asked" : "nothing";
        }
    }

    private Outcome checkIn(Case c, Ears ears, List<String> household) {
        Home home = new Home(c.language(), household);
        home.assistant.checkIn();
        Reply r = home.assistant.hear(ears.hear(c));
        if (r.expectsAnswer()) {
            r = home.assistant.hear(ears.hear(c));
        }
        return home.outcome(r.intent() == Intent.HELP_EMERGENCY && r.expectsAnswer());
    }

    private Outcome afterButton(Case c, Ears ears, List<String> household) {
        Home home = new Home(c.language(), household);
        Reply r = home.assistant.hear(ears.hear(c));
        boolean asked = r.intent() == Intent.HELP_EMERGENCY && r.expectsAnswer();
        if (asked && c.kind() == Kind.HELP) {
            home.assistant.hear(Heard.text(home.language.phrases().get(Intent.YES).get(0)));
        }
        return home.outcome(asked);
    }

    /** A home with a pre-alarm open for a minute; {@code language} is the case's. */
    private static final class Home {
        final VirtualScheduler clock = new VirtualScheduler(Instant.parse("2026-03-10T09:00:00Z"),
                ZoneId.of("Europe/London"));
        final FakeAlarmPort alarm = new FakeAlarmPort();
        final LanguageResources language;
        final Assistant assistant;

        Home(String code, List<String> languages) {
            if (!languages.contains(code)) {
                throw new IllegalArgumentException(code + " is not a language of the household " + languages);
            }
            language = LanguageResources.builtIn(code);
            assistant = new Assistant(languages.stream().map(LanguageResources::builtIn).toList(), alarm, new InMemoryReminderStore(), new RecordingSpeaker(), clock,
                    CouncilPack.builtIn("leicester"), Household.UNKNOWN, AssistantSettings.DEFAULT);
            alarm.openPreAlarm(clock, Duration.ofSeconds(60));
        }

        Outcome outcome(boolean asked) {
            return new Outcome(alarm.cancels() > 0, alarm.helpRaised() > 0, asked);
        }
    }

    /** The one line the corpus tests print. */
    public String summary() {
        return "voice safety: cases=" + cases + " unsafe_cancels=" + unsafeCancels.size() + " unsafe_alarms="
                + unsafeAlarms.size() + " missed_help=" + missedHelp.size();
    }

    public int cases() {
        return cases;
    }

    public List<String> unsafeCancels() {
        return unsafeCancels;
    }

    public List<String> unsafeAlarms() {
        return unsafeAlarms;
    }

    public List<String> missedHelp() {
        return missedHelp;
    }

    public List<String> missedCancels() {
        return missedCancels;
    }

}
