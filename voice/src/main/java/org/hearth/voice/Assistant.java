package org.hearth.voice;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hearth.time.Scheduler;
import org.hearth.voice.intent.Intent;
import org.hearth.voice.intent.IntentMatch;
import org.hearth.voice.intent.IntentMatcher;
import org.hearth.voice.intent.LanguageResources;
import org.hearth.voice.intent.Tokens;
import org.hearth.voice.skill.BinCollection;
import org.hearth.voice.skill.BinSchedule;
import org.hearth.voice.skill.CouncilPack;
import org.hearth.voice.skill.CouncilService;
import org.hearth.voice.skill.Household;
import org.hearth.voice.skill.Library;
import org.hearth.voice.skill.OpeningHours;
import org.hearth.voice.skill.PhoneService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conversation: takes what was heard, finds the intent, acts through the ports and speaks the
 * answer. It keeps the little state a conversation needs (a pending "did you say you need help?",
 * an open check-in, the last reply for "say that again") and nothing else: no audio, no
 * transcript. The log gets intent names only.
 *
 * <p>Not thread-safe. Call it on the scheduler's thread; reminders fire there too.
 */
public final class Assistant {

    private static final Logger LOG = LoggerFactory.getLogger(Assistant.class);

    /** The household's languages, its main one first, each with its matcher and replies. */
    private final Map<String, IntentMatcher> matchers = new LinkedHashMap<>();
    private final Map<String, Replies> repliesIn = new LinkedHashMap<>();
    private final List<LanguageResources> languages;
    /** Finds the language of typed text (and of a hearing from a home with one recogniser). */
    private final LanguageJudge judge;
    /** The conversation's language: the one last heard, the main one until then. */
    private IntentMatcher matcher;
    private Replies replies;
    private final AlarmPort alarm;
    private final Speaker speaker;
    private final Scheduler scheduler;
    private final CouncilPack pack;
    private final Household household;
    private final AssistantSettings settings;
    private final Reminders reminders;

    private boolean confirmingHelp;
    private int unclearConfirmations;
    private boolean checkInOpen;
    private boolean checkInAskedAgain;
    private Reply lastReply;
    /** The language {@link #lastReply} was said in, for "say that again". */
    private String lastLanguage;
    /** The speaker's own rate, and the day "slower" changed it; the next day starts at the usual rate. */
    private int usualRate;
    private LocalDate slowedOn;

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
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("an assistant needs a language");
        }
        this.languages = List.copyOf(languages);
        for (LanguageResources language : languages) {
            matchers.put(language.code(), new IntentMatcher(language));
            repliesIn.put(language.code(), new Replies(language,
                    language.code().equals("en") ? language : LanguageResources.builtIn("en")));
        }
        this.judge = new LanguageJudge(matchers);
        this.matcher = matchers.get(languages.get(0).code());
        this.replies = repliesIn.get(languages.get(0).code());
        this.alarm = alarm;
        this.speaker = speaker;
        this.scheduler = scheduler;
        this.pack = pack;
        this.household = household;
        this.settings = settings;
        this.reminders = new Reminders(store, scheduler, settings, this::ringReminder,
                r -> alarm.reminderMissed(Optional.ofNullable(r.task())));
    }

    /**
     * Schedules the stored reminders, and warns if the language file has not been reviewed by a
     * native speaker, or if the council's answers are unchecked sample data (the assistant then
     * says they are not set up) or out of date. Call once at start.
     */
    public void start() {
        for (LanguageResources language : languages) {
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
        return replies.code();
    }

    /** Handles typed text as if it had been heard with full confidence. */
    public Reply hearText(String text) {
        return hear(Heard.text(Tokens.of(text)));
    }

    /** Handles one utterance (or silence) and speaks the reply. */
    public Reply hear(Heard heard) {
        converseIn(languageOf(heard));
        Reply reply = answer(heard);
        // What the resident asked about is theirs (benefits advice, a medicine): never at INFO.
        LOG.debug("Intent {}", reply.intent().id());
        return reply.isQuiet() ? reply : speak(reply);
    }

    /**
     * The gateway opened a pre-alarm: ask "Are you all right?". The answer is judged by
     * {@link #checkInAnswer}: a clear cancel phrase cancels it, "no" or a call for help raises
     * the alarm, and anything else is asked once more; silence leaves the pre-alarm to run out.
     * Whoever fell may speak either language of the household, so it is asked in each, the main
     * language first; the answer is taken in whichever it comes. A language no speech model exists
     * for (Somali, Punjabi, Bengali) is asked with the buttons only.
     */
    public Reply checkIn() {
        return checkIn(languages.stream().filter(LanguageResources::hasSpeechModel).map(LanguageResources::code)
                .collect(java.util.stream.Collectors.toSet()));
    }

    /**
     * The same, where only {@code listeningIn} are heard (the languages with a recogniser running):
     * in every other language the question names only the buttons, since nothing would hear "I'm fine".
     */
    public Reply checkIn(java.util.Set<String> listeningIn) {
        checkInOpen = true;
        checkInAskedAgain = false;
        return inEveryLanguage(() -> {
            String key = listeningIn.contains(replies.code()) ? "checkin.prompt" : "checkin.buttons";
            return new Reply(Intent.NONE, replies.get(key), true, key);
        });
    }

    /**
     * Says a reply made by {@code make} in every household language, the main one first, and leaves
     * the conversation in the main language: news that no utterance prompted is for whoever is home.
     */
    private Reply inEveryLanguage(java.util.function.Supplier<Reply> make) {
        Reply first = null;
        for (LanguageResources language : languages) {
            converseIn(language.code());
            Reply said = make.get();
            if (first == null) {
                first = speak(said);
            } else {
                speaker.say(said.text(), replies.code(), said.key());
            }
        }
        converseIn(languages.get(0).code());
        lastReply = first;
        lastLanguage = replies.code();
        return first;
    }

    /**
     * The language an utterance was in: the one whose recogniser heard it, or for typed text (and a
     * single recogniser) the household language whose phrases it matches best; the conversation's
     * language when none matches better. One language: always that one.
     */
    private String languageOf(Heard heard) {
        if (matchers.containsKey(heard.language())) {
            return heard.language();
        }
        if (matchers.size() == 1 || heard.isSilence()) {
            return replies.code();
        }
        return judge.languageOfText(heard.words(), replies.code());
    }

    private void converseIn(String code) {
        matcher = matchers.get(code);
        replies = repliesIn.get(code);
    }

    /** The wake phrase was heard alone: answer "Yes?" and wait for the request. */
    public Reply acknowledgeWake() {
        return speak(new Reply(Intent.NONE, replies.get("wake.ack"), true, "wake.ack"));
    }

    /**
     * Speaks one of the language's replies with its {placeholders} filled: the gateway's own news
     * ("I have told Priya."). "Say that again" repeats it.
     */
    public void announce(String key, Map<String, String> values) {
        inEveryLanguage(() -> say(Intent.NONE, key, values));
    }

    /** Listening broke (no microphone, say): tell the resident rather than stay silent. */
    public Reply recognitionFailed() {
        return speak(say(Intent.NONE, "not.understood", Map.of()));
    }

    private Reply speak(Reply reply) {
        if (slowedOn != null && !now().toLocalDate().equals(slowedOn)) {
            speaker.rate(usualRate);
            slowedOn = null;
        }
        lastReply = reply;
        lastLanguage = replies.code();
        speaker.say(reply.text(), replies.code(), reply.key());
        return reply;
    }

    /** The speaker the assistant talks through; the listener waits for it to fall silent. Thread-safe. */
    public Speaker speaker() {
        return speaker;
    }

    /** The intent alone, with no action and no reply: for tests and the benchmark. */
    public IntentMatch match(Heard heard) {
        return matcher.match(heard.words(), heard.confidence(), heard.alternatives());
    }

    private Reply answer(Heard heard) {
        if (heard.isSilence()) {
            return silence();
        }
        IntentMatch match = matcher.match(heard.words(), heard.confidence(), heard.alternatives());
        if (confirmingHelp) {
            return confirmation(match);
        }
        if (checkInOpen) {
            return checkInAnswer(heard, match);
        }
        return act(match, heard.words());
    }

    /** espeak-ng's slowest rate, words a minute. */
    static final int SLOWEST_RATE = 80;
    /** How much slower each "slower" makes it: from the usual 135, three steps reach the floor. */
    static final int RATE_STEP = 20;

    /** Similarity to a cancel phrase a check-in answer needs: the phrase, give or take a small word. */
    static final double CHECK_IN_CANCEL_SIMILARITY = 0.9;

    /**
     * The answer to "Are you all right?". A television or a visitor may be what was heard, and a
     * wrong cancel silences a real alarm, while a wrong "no" only brings the alert the pre-alarm
     * would raise anyway. So: a call for help, a "no" or a negated cancel ("I'm not fine") raises
     * help at once. A cancel is taken only if it is a whole cancel phrase (not a bare "yes" or
     * "okay", not "I'm okay, you?") and the recogniser's readings agree that it was one
     * ({@link AssistantSettings#checkInCancelAbove}). Anything else is asked once more; a second
     * unclear answer leaves the pre-alarm to run out. "Say that again" and "slower" ask the question
     * again (more slowly) and keep the check-in open. A question ("what time is it?") is answered
     * and the check-in closed, as before.
     */
    private Reply checkInAnswer(Heard heard, IntentMatch match) {
        Intent intent = match.intent();
        if (intent == Intent.NO || intent == Intent.HELP_EMERGENCY) {
            checkInOpen = false;
            return raiseHelp();
        }
        if (intent == Intent.ALARM_CANCEL && match.similarity() >= CHECK_IN_CANCEL_SIMILARITY
                && heard.share(this::isCancelPhrase) >= settings.checkInCancelAbove()) {
            checkInOpen = false;
            return cancel(Intent.ALARM_CANCEL);
        }
        if (intent == Intent.ALARM_CANCEL || intent == Intent.YES || intent == Intent.NONE) {
            if (!checkInAskedAgain) {
                checkInAskedAgain = true;
                LOG.info("Check-in answer unclear; asking again");
                return new Reply(Intent.NONE, replies.get("checkin.again"), true, "checkin.again");
            }
            checkInOpen = false;
            LOG.info("Check-in answer unclear again; the pre-alarm runs on");
            return say(Intent.NONE, "not.understood", Map.of());
        }
        if (intent == Intent.REPEAT || intent == Intent.SPEECH_SLOWER) {
            // The question was not caught: ask it again (more slowly), still under the check-in's rules.
            if (intent == Intent.SPEECH_SLOWER) {
                slower();
            }
            return new Reply(intent, replies.get("checkin.prompt"), true, "checkin.prompt");
        }
        checkInOpen = false;
        return act(match, heard.words());
    }

    private boolean isCancelPhrase(List<String> words) {
        IntentMatch m = matcher.match(words, 1.0);
        return m.intent() == Intent.ALARM_CANCEL && m.similarity() >= CHECK_IN_CANCEL_SIMILARITY;
    }

    private Reply silence() {
        if (confirmingHelp) {
            // Someone who asked for help and then cannot answer may be worse off: treat it as yes.
            confirmingHelp = false;
            return raiseHelp();
        }
        checkInOpen = false;
        return Reply.quiet(Intent.NONE);
    }

    private Reply confirmation(IntentMatch match) {
        switch (match.intent()) {
            case YES, HELP_EMERGENCY -> {
                confirmingHelp = false;
                return raiseHelp();
            }
            case NO, ALARM_CANCEL, STOP -> {
                confirmingHelp = false;
                return new Reply(Intent.NO, replies.get("help.declined"), false, "help.declined");
            }
            default -> {
                // One more try; after that, an unclear answer to "do you need help?" is treated as yes.
                if (++unclearConfirmations >= 2) {
                    confirmingHelp = false;
                    return raiseHelp();
                }
                return new Reply(Intent.NONE, replies.get("help.confirm"), true, "help.confirm");
            }
        }
    }

    private Reply act(IntentMatch match, List<String> words) {
        return switch (match.intent()) {
            case HELP_EMERGENCY -> help(match);
            case ALARM_CANCEL -> cancel(Intent.ALARM_CANCEL);
            case CARER_CALL -> carer();
            case COUNCIL_BINS_NEXT -> council(Intent.COUNCIL_BINS_NEXT, this::bins);
            case COUNCIL_LIBRARY_HOURS -> council(Intent.COUNCIL_LIBRARY_HOURS, () -> library(words));
            case COUNCIL_TAX_PAY -> council(Intent.COUNCIL_TAX_PAY,
                    () -> phone(Intent.COUNCIL_TAX_PAY, "tax.pay", CouncilService.COUNCIL_TAX));
            case COUNCIL_HELPLINE -> council(Intent.COUNCIL_HELPLINE,
                    () -> phone(Intent.COUNCIL_HELPLINE, "helpline", CouncilService.DIGITAL_HELPLINE));
            case COUNCIL_SOCIAL_CARE -> council(Intent.COUNCIL_SOCIAL_CARE,
                    () -> phone(Intent.COUNCIL_SOCIAL_CARE, "social.care", CouncilService.SOCIAL_CARE));
            case BENEFITS_ADVICE -> council(Intent.BENEFITS_ADVICE, this::benefits);
            case TIME_NOW -> say(Intent.TIME_NOW, "time.now", Map.of("time", replies.time(now().toLocalTime())));
            case DATE_TODAY -> say(Intent.DATE_TODAY, "date.today", Map.of("date", replies.date(now().toLocalDate())));
            case REMINDER_SET -> setReminder(match, false);
            case REMINDER_DAILY -> setReminder(match, true);
            case REMINDER_DONE -> reminderDone();
            case REMINDER_LIST -> listReminders();
            case REMINDER_CANCEL -> cancelReminder();
            case SPEECH_SLOWER -> slower();
            // No clean way to set the ALSA mixer from here without a native dependency: say so (docs/voice.md).
            case SPEECH_LOUDER -> say(Intent.SPEECH_LOUDER, "speech.louder", Map.of());
            case CAPABILITIES -> say(Intent.CAPABILITIES, "capabilities", Map.of());
            case YES -> reminders.ringing() ? reminderDone() : say(Intent.YES, "ok", Map.of());
            case NO -> say(Intent.NO, "ok", Map.of());
            case REPEAT -> repeat();
            case STOP -> {
                speaker.stop();
                yield Reply.quiet(Intent.STOP);
            }
            // "Please say it again": so the listener listens again, with no second press of the button.
            case NONE -> new Reply(Intent.NONE, replies.get("not.understood"), true, "not.understood");
        };
    }

    /** "Say that again": the last thing said, in the language it was said in. */
    private Reply repeat() {
        if (lastReply == null) {
            return say(Intent.REPEAT, "repeat.nothing", Map.of());
        }
        converseIn(lastLanguage);
        return new Reply(Intent.REPEAT, lastReply.text(), false, lastReply.key());
    }

    private Reply help(IntentMatch match) {
        if (match.confidence() >= settings.helpActAbove()) {
            return raiseHelp();
        }
        confirmingHelp = true;
        unclearConfirmations = 0;
        return new Reply(Intent.HELP_EMERGENCY, replies.get("help.confirm"), true, "help.confirm");
    }

    private Reply raiseHelp() {
        checkInOpen = false;
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

    /**
     * A question the council pack answers. A sample pack's facts were invented, so it speaks none of
     * them; an expired pack's may be wrong, so it gives only the council's main number.
     */
    private Reply council(Intent intent, java.util.function.Supplier<Reply> answer) {
        if (pack.sample()) {
            return say(intent, "council.not.set.up", Map.of());
        }
        if (pack.expiredOn(now().toLocalDate())) {
            return withMainNumber(intent, "council.expired");
        }
        return answer.get();
    }

    /** The pack has no sourced fact for this: say so, and give the main number if the pack has one. */
    private Reply unknown(Intent intent) {
        return withMainNumber(intent, "council.unknown");
    }

    private Reply withMainNumber(Intent intent, String key) {
        return pack.service(CouncilService.MAIN)
                .map(main -> say(intent, key, Map.of("council", pack.council(), "phone", main.phone())))
                .orElseGet(() -> say(intent, key + ".no.number", Map.of("council", pack.council())));
    }

    private Reply bins() {
        if (household.binDay().isEmpty()) {
            return say(Intent.COUNCIL_BINS_NEXT, "bins.unknown", Map.of());
        }
        LocalDate today = now().toLocalDate();
        BinSchedule schedule = pack.bins();
        BinCollection next = schedule.next(today, household.collectionDay(), household.round());
        Map<String, String> v = new LinkedHashMap<>();
        v.put("bin", replies.and(next.streams().stream().map(s -> replies.get("bin." + s)).toList()));
        v.put("date", replies.date(next.date()));
        String key = next.date().equals(today) ? "bins.today"
                : next.date().equals(today.plusDays(1)) ? "bins.tomorrow" : "bins.next";
        StringBuilder text = new StringBuilder(replies.get(key, v));
        if (next.shiftedDays() > 0) {
            text.append(' ').append(replies.get("bins.shifted",
                    Map.of("days", Integer.toString(next.shiftedDays()), "holiday", next.holiday())));
        }
        // Streams this household's round does not have, said plainly.
        for (String paid : schedule.bySubscription()) {
            text.append(' ').append(replies.get("bins.subscription", Map.of("bin", replies.get("bin." + paid))));
        }
        if (!schedule.streams().contains("food") && !schedule.bySubscription().contains("food")) {
            text.append(' ').append(replies.get("bins.food.unknown"));
        }
        return new Reply(Intent.COUNCIL_BINS_NEXT, text.toString(), false);
    }

    private Reply library(List<String> words) {
        Optional<Library> library = pack.library(household.library());
        if (library.isEmpty() || library.get().hours().isEmpty()) {
            return unknown(Intent.COUNCIL_LIBRARY_HOURS);
        }
        OpeningHours hours = library.get().hours().get();
        LocalDateTime now = now().toLocalDateTime();
        String said = replies.mentionsTomorrow(words)
                ? replies.hoursTomorrow(hours.on(now.toLocalDate().plusDays(1).getDayOfWeek()))
                : replies.hours(hours.at(now), now.toLocalDate());
        return say(Intent.COUNCIL_LIBRARY_HOURS, "library.hours", Map.of("library", library.get().name(), "hours", said));
    }

    private Reply phone(Intent intent, String key, CouncilService which) {
        Optional<PhoneService> service = pack.service(which);
        if (service.isEmpty()) {
            return unknown(intent);
        }
        return new Reply(intent, line(key, service.get(), Map.of()), false);
    }

    /** A line's reply, and "The line is open now until 5 pm." when its hours are known. */
    private String line(String key, PhoneService service, Map<String, String> more) {
        Map<String, String> v = new LinkedHashMap<>(more);
        v.put("name", service.name());
        v.put("phone", service.phone());
        String text = replies.get(key, v);
        if (service.hours().isPresent()) {
            LocalDateTime now = now().toLocalDateTime();
            text += " " + replies.get("line.hours",
                    Map.of("hours", replies.hours(service.hours().get().at(now), now.toLocalDate())));
        }
        return text;
    }

    /**
     * Pension Credit and Attendance Allowance first (most residents are over State Pension age),
     * then the council's own advice and Universal Credit help, each only if the pack has it.
     */
    private Reply benefits() {
        List<String> parts = new java.util.ArrayList<>();
        for (Map.Entry<CouncilService, String> e : List.of(
                Map.entry(CouncilService.PENSION_CREDIT, "benefits.pension.credit"),
                Map.entry(CouncilService.ATTENDANCE_ALLOWANCE, "benefits.attendance.allowance"),
                Map.entry(CouncilService.BENEFITS_ADVICE, "benefits.local"),
                Map.entry(CouncilService.UNIVERSAL_CREDIT_HELP, "benefits.universal.credit"))) {
            pack.service(e.getKey()).ifPresent(s -> parts.add(replies.get(e.getValue(),
                    Map.of("name", s.name(), "phone", s.phone()))));
        }
        return parts.isEmpty() ? unknown(Intent.BENEFITS_ADVICE)
                : new Reply(Intent.BENEFITS_ADVICE, String.join(" ", parts), false);
    }

    private Reply setReminder(IntentMatch match, boolean daily) {
        Intent intent = match.intent();
        Optional<LocalTime> time = match.slots().timeOfDay();
        if (time.isEmpty()) {
            return say(intent, "reminder.need.time", Map.of());
        }
        String task = match.slots().spokenTask().orElse(null);
        Reminder r = reminders.add(task, time.get(), match.slots().timeHalfDayKnown(), replies.code(), daily);
        String at = replies.time(r.due().atZone(scheduler.clock().getZone()).toLocalTime());
        String key = (daily ? "reminder.set.daily" : "reminder.set") + (task == null ? ".generic" : "");
        return say(intent, key, task == null ? Map.of("time", at) : Map.of("task", task, "time", at));
    }

    /** "take your tablets at 9 am every day", "a reminder at 6 pm". */
    private String describe(Reminder r) {
        String at = replies.time(r.due().atZone(scheduler.clock().getZone()).toLocalTime());
        String key = (r.task() == null ? "reminder.item.generic" : "reminder.item") + (r.daily() ? ".daily" : "");
        return replies.get(key, r.task() == null ? Map.of("time", at) : Map.of("task", r.task(), "time", at));
    }

    private Reply listReminders() {
        List<Reminder> all = reminders.all();
        if (all.isEmpty()) {
            return say(Intent.REMINDER_LIST, "reminder.list.none", Map.of());
        }
        String items = String.join(replies.get("reminder.list.separator") + " ",
                all.stream().map(this::describe).toList());
        return say(Intent.REMINDER_LIST, "reminder.list", Map.of("list", items));
    }

    private Reply cancelReminder() {
        Optional<Reminder> r = reminders.cancelLast();
        return r.isEmpty() ? say(Intent.REMINDER_CANCEL, "reminder.cancel.nothing", Map.of())
                : say(Intent.REMINDER_CANCEL, "reminder.cancelled", Map.of("what", describe(r.get())));
    }

    /** One step slower, down to espeak-ng's floor, until the end of the day. */
    private Reply slower() {
        if (speaker.rate().isEmpty()) {
            return say(Intent.SPEECH_SLOWER, "speech.slowest", Map.of());
        }
        int rate = speaker.rate().getAsInt();
        int slower = Math.max(SLOWEST_RATE, rate - RATE_STEP);
        if (slower == rate) {
            return say(Intent.SPEECH_SLOWER, "speech.slowest", Map.of());
        }
        if (slowedOn == null) {
            usualRate = rate;
        }
        slowedOn = now().toLocalDate();
        speaker.rate(slower);
        LOG.info("Speech rate {} words a minute until the end of the day", slower);
        return say(Intent.SPEECH_SLOWER, "speech.slower", Map.of());
    }

    private Reply reminderDone() {
        return say(Intent.REMINDER_DONE, reminders.done() ? "reminder.done" : "reminder.nothing", Map.of());
    }

    /**
     * A reminder belongs to whoever set it: it rings in the language it was set in (its task is in
     * those words), or the main language if the household no longer speaks that one.
     */
    private void ringReminder(Reminder r) {
        converseIn(matchers.containsKey(r.language()) ? r.language() : languages.get(0).code());
        String at = replies.time(now().toLocalTime());
        String key = r.task() == null ? "reminder.due.generic" : "reminder.due";
        String text = r.task() == null ? replies.get(key, Map.of("time", at))
                : replies.get(key, Map.of("time", at, "task", r.task()));
        LOG.info("Reminder due");
        speak(new Reply(Intent.REMINDER_SET, text, true, key));
    }

    private Reply say(Intent intent, String key, Map<String, String> values) {
        return new Reply(intent, replies.get(key, values), false, key);
    }

    private ZonedDateTime now() {
        return ZonedDateTime.now(scheduler.clock());
    }
}
