package org.hearth.voice;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hearth.time.Scheduler;
import org.hearth.voice.intent.Intent;
import org.hearth.voice.intent.IntentMatch;
import org.hearth.voice.intent.LanguageResources;
import org.hearth.voice.intent.Tokens;
import org.hearth.voice.skill.CouncilPack;
import org.hearth.voice.skill.Household;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conversation: takes what was heard, finds the intent, acts through the ports and speaks the
 * answer. It keeps the little state a conversation needs (a pending "did you say you need help?",
 * an open check-in, the last reply for "say that again") and nothing else: no audio, no
 * transcript. The log gets intent names only.
 *
 * <p>This class routes the words and acts on the alarm; the dialogues have their own classes:
 * {@link HelpConfirmation}, {@link CheckIn}, {@link ReminderAnswers}, {@link CouncilAnswers},
 * {@link SpeechRate}, and {@link SpokenLanguages} for the language spoken and "say that again".
 *
 * <p>Not thread-safe. Call it on the scheduler's thread; reminders fire there too.
 */
public final class Assistant {

    private static final Logger LOG = LoggerFactory.getLogger(Assistant.class);

    private final SpokenLanguages spoken;
    private final AlarmPort alarm;
    private final Speaker speaker;
    private final Scheduler scheduler;
    private final CouncilPack pack;
    private final SpeechRate rate;
    private final HelpConfirmation helpConfirmation;
    private final CheckIn checkIn;
    private final ReminderAnswers reminders;
    private final CouncilAnswers council;

    public Assistant(LanguageResources language, AlarmPort alarm, ReminderStore store, Speaker speaker,
            Scheduler scheduler, CouncilPack pack, Household household, AssistantSettings settings) {
        this(List.of(language), alarm, store, speaker, scheduler, pack, household, settings);
    }

    /**
     * An assistant for a household of several languages (two elderly parents, say), the main one
     * first. It answers in the language it heard; see {@link #hear}.
     */
    public Assistant(List<LanguageResources> languages, AlarmPort alarm, ReminderStore store, Speaker speaker,
            Scheduler scheduler, CouncilPack pack, Household household, AssistantSettings settings) {
        this.rate = new SpeechRate(speaker, scheduler);
        this.spoken = new SpokenLanguages(languages, speaker, rate);
        this.alarm = alarm;
        this.speaker = speaker;
        this.scheduler = scheduler;
        this.pack = pack;
        this.helpConfirmation = new HelpConfirmation(spoken, settings, this::raiseHelp);
        this.checkIn = new CheckIn(spoken, settings, rate, this::raiseHelp, () -> cancel(Intent.ALARM_CANCEL));
        this.reminders = new ReminderAnswers(spoken, store, scheduler, settings, alarm);
        this.council = new CouncilAnswers(spoken, scheduler, pack, household);
    }

    /**
     * Schedules the stored reminders, and warns if the language file has not been reviewed by a
     * native speaker, or if the council's answers are unchecked sample data (the assistant then
     * says they are not set up) or out of date. Call once at start.
     */
    public void start() {
        for (LanguageResources language : spoken.all()) {
            if (language.reviewedBy().isEmpty()) {
                LOG.warn("Voice: the {} language file has not been reviewed by a native speaker (its reviewed-by is"
                        + " empty): its phrasing may be wrong", language.code());
            }
        }
        if (pack.sample()) {
            LOG.warn("Council pack '{}' version {} is SAMPLE data, so council questions are answered "
                    + "\"not set up yet\": {}", pack.id(), pack.version(), pack.notice());
        } else if (pack.expiredOn(now().toLocalDate())) {
            LOG.warn("Council pack '{}' version {} expired on {}: council questions get only the main number",
                    pack.id(), pack.version(), pack.expires().orElseThrow());
        }
        reminders.restore();
    }

    public String language() {
        return spoken.replies().code();
    }

    /** Handles typed text as if it had been heard with full confidence. */
    public Reply hearText(String text) {
        return hear(Heard.text(Tokens.of(text)));
    }

    /** Handles one utterance (or silence) and speaks the reply. */
    public Reply hear(Heard heard) {
        spoken.converseIn(spoken.languageOf(heard));
        Reply reply = answer(heard);
        // What the resident asked about is theirs (benefits advice, a medicine): never at INFO.
        LOG.debug("Intent {}", reply.intent().id());
        return reply.isQuiet() ? reply : spoken.speak(reply);
    }

    /**
     * The gateway opened a pre-alarm: ask "Are you all right?". The answer is judged by
     * {@link CheckIn#answer}: a clear cancel phrase cancels it, "no" or a call for help raises
     * the alarm, and anything else is asked once more; silence leaves the pre-alarm to run out.
     * Whoever fell may speak either language of the household, so it is asked in each, the main
     * language first; the answer is taken in whichever it comes. A language no speech model exists
     * for (Somali, Punjabi, Bengali) is asked with the buttons only.
     */
    public Reply checkIn() {
        return checkIn(spoken.all().stream().filter(LanguageResources::hasSpeechModel).map(LanguageResources::code)
                .collect(Collectors.toSet()));
    }

    /**
     * The same, where only {@code listeningIn} are heard (the languages with a recogniser running):
     * in every other language the question names only the buttons, since nothing would hear "I'm fine".
     */
    public Reply checkIn(Set<String> listeningIn) {
        return checkIn.ask(listeningIn);
    }

    /** The wake phrase was heard alone: answer "Yes?" and wait for the request. */
    public Reply acknowledgeWake() {
        return spoken.speak(new Reply(Intent.NONE, spoken.replies().get("wake.ack"), true, "wake.ack"));
    }

    /**
     * Speaks one of the language's replies with its {placeholders} filled: the gateway's own news
     * ("I have told Priya."). "Say that again" repeats it.
     */
    public void announce(String key, Map<String, String> values) {
        spoken.inEveryLanguage(() -> spoken.say(Intent.NONE, key, values));
    }

    /** Listening broke (no microphone, say): tell the resident rather than stay silent. */
    public Reply recognitionFailed() {
        return spoken.speak(spoken.say(Intent.NONE, "not.understood", Map.of()));
    }

    /** The speaker the assistant talks through; the listener waits for it to fall silent. Thread-safe. */
    public Speaker speaker() {
        return speaker;
    }

    /** The intent alone, with no action and no reply: for tests and the benchmark. */
    public IntentMatch match(Heard heard) {
        return spoken.matcher().match(heard.words(), heard.confidence(), heard.alternatives());
    }

    private Reply answer(Heard heard) {
        if (heard.isSilence()) {
            return silence();
        }
        IntentMatch match = match(heard);
        if (helpConfirmation.isAsking()) {
            return helpConfirmation.answer(match);
        }
        if (checkIn.isOpen()) {
            return checkIn.answer(heard, match).orElseGet(() -> act(match, heard.words()));
        }
        return act(match, heard.words());
    }

    private Reply silence() {
        if (helpConfirmation.isAsking()) {
            return helpConfirmation.silence();
        }
        checkIn.close();
        return Reply.quiet(Intent.NONE);
    }

    private Reply act(IntentMatch match, List<String> words) {
        return switch (match.intent()) {
            case HELP_EMERGENCY -> helpConfirmation.request(match);
            case ALARM_CANCEL -> cancel(Intent.ALARM_CANCEL);
            case CARER_CALL -> carer();
            case COUNCIL_BINS_NEXT, COUNCIL_LIBRARY_HOURS, COUNCIL_TAX_PAY, COUNCIL_HELPLINE, COUNCIL_SOCIAL_CARE,
                    BENEFITS_ADVICE -> council.answer(match.intent(), words);
            case TIME_NOW -> say(Intent.TIME_NOW, "time.now", Map.of("time", spoken.replies().time(now().toLocalTime())));
            case DATE_TODAY -> say(Intent.DATE_TODAY, "date.today",
                    Map.of("date", spoken.replies().date(now().toLocalDate())));
            case REMINDER_SET -> reminders.set(match, false);
            case REMINDER_DAILY -> reminders.set(match, true);
            case REMINDER_DONE -> reminders.done();
            case REMINDER_LIST -> reminders.list();
            case REMINDER_CANCEL -> reminders.cancelLast();
            case SPEECH_SLOWER -> say(Intent.SPEECH_SLOWER, rate.slowDown() ? "speech.slower" : "speech.slowest", Map.of());
            // No clean way to set the ALSA mixer from here without a native dependency: say so (docs/voice.md).
            case SPEECH_LOUDER -> say(Intent.SPEECH_LOUDER, "speech.louder", Map.of());
            case CAPABILITIES -> say(Intent.CAPABILITIES, "capabilities", Map.of());
            case YES -> reminders.ringing() ? reminders.done() : say(Intent.YES, "ok", Map.of());
            case NO -> say(Intent.NO, "ok", Map.of());
            case REPEAT -> spoken.repeat();
            case STOP -> {
                speaker.stop();
                yield Reply.quiet(Intent.STOP);
            }
            // "Please say it again": so the listener listens again, with no second press of the button.
            case NONE -> new Reply(Intent.NONE, spoken.replies().get("not.understood"), true, "not.understood");
        };
    }

    /** Raising help ends any check-in: the alarm no longer waits on its answer. */
    private Reply raiseHelp() {
        checkIn.close();
        alarm.raiseHelp();
        return say(Intent.HELP_EMERGENCY, "help.raised", Map.of());
    }

    private Reply cancel(Intent intent) {
        boolean cancelled = alarm.cancelPreAlarm();
        return say(intent, cancelled ? "alarm.cancelled" : "alarm.nothing", Map.of());
    }

    private Reply carer() {
        Optional<String> name = alarm.callCarer();
        if (name.isEmpty()) {
            return say(Intent.CARER_CALL, "carer.none", Map.of());
        }
        return name.get().isBlank() ? say(Intent.CARER_CALL, "carer.asked.anyone", Map.of())
                : say(Intent.CARER_CALL, "carer.asked", Map.of("carer", name.get()));
    }

    private Reply say(Intent intent, String key, Map<String, String> values) {
        return spoken.say(intent, key, values);
    }

    private ZonedDateTime now() {
        return ZonedDateTime.now(scheduler.clock());
    }
}
