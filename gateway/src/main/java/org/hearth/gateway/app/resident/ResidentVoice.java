package org.hearth.gateway.app.resident;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.hearth.gateway.app.config.HearthConfig;
import org.hearth.gateway.domain.Announcer;
import org.hearth.gateway.domain.Phrase;
import org.hearth.time.Scheduler;
import org.hearth.voice.AlarmPort;
import org.hearth.voice.Assistant;
import org.hearth.voice.AssistantSettings;
import org.hearth.voice.LanguageJudge;
import org.hearth.voice.ReminderStore;
import org.hearth.voice.Speaker;
import org.hearth.voice.VoiceLoop;
import org.hearth.voice.intent.LanguageResources;
import org.hearth.voice.models.SpeechModels;
import org.hearth.voice.recognition.EndpointSettings;
import org.hearth.voice.recognition.MultilingualRecognizer;
import org.hearth.voice.recognition.SpeechRecognizer;
import org.hearth.voice.recognition.VoskModel;
import org.hearth.voice.recognition.VoskNativeLibrary;
import org.hearth.voice.skill.CouncilPack;
import org.hearth.voice.skill.Household;
import org.hearth.voice.speech.PromptSpeaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resident's side of the daemon: everything the home says, in the household's language (or
 * both of two, docs/voice.md "Two people in one home"), and, when a speech model is installed,
 * what the resident says back: one recogniser per household language that has a model, and the
 * answer in the language heard. The gateway's news ("Are you all
 * right?", "I have told Priya") goes through the same assistant as its answers, so "say that
 * again" repeats either.
 *
 * <p>Used on the event loop only, except {@link #close()}. Listening runs on a thread of its own
 * and hands what it heard to the loop.
 */
public final class ResidentVoice implements Announcer, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ResidentVoice.class);

    /** The domain's phrases, as reply keys of the voice module's language files. */
    private static final Map<String, String> REPLY_KEYS = withWalkTest(Map.of(
            Phrase.PRE_ALARM_QUESTION, "checkin.prompt",
            Phrase.PRE_ALARM_CANCELLED, "alarm.cancelled",
            Phrase.NOTHING_TO_CANCEL, "alarm.nothing",
            Phrase.CALLING_FOR_HELP, "help.raised",
            Phrase.CARER_TOLD, "carer.told",
            Phrase.CARER_COMING, "carer.coming",
            Phrase.CARERS_UNREACHABLE, "carers.unreachable",
            Phrase.CARERS_BACK, "carers.back"));

    /** The walk test's phrases are reply keys of the same name (English only so far; other languages fall back to it). */
    private static Map<String, String> withWalkTest(Map<String, String> keys) {
        Map<String, String> all = new java.util.HashMap<>(keys);
        java.util.stream.Stream.concat(Phrase.WALK_TEST_WORKS.values().stream(),
                        java.util.stream.Stream.of(Phrase.WALK_TEST_STARTED, Phrase.WALK_TEST_REAL, Phrase.WALK_TEST_ENDED))
                .forEach(k -> all.put(k, k));
        return Map.copyOf(all);
    }

    private final Assistant assistant;
    /** The household's languages, the main one first. */
    private final List<LanguageResources> languages;
    private final Scheduler loop;
    private final AlarmPort alarms;
    /** True while the assistant acts on a spoken request: it says its own answer, not the machine's. */
    private boolean answering;
    /** Set once, by {@link #listen}, when a model is installed; read on the loop. */
    private volatile VoiceLoop listener;
    private final List<VoskModel> models = new ArrayList<>();
    private SpeechRecognizer recognizer;
    /** Somali's recorded prompts, played instead of espeak-ng; null when espeak-ng speaks every household language. */
    private final PromptSpeaker prompts;

    /**
     * Speaks through {@code speaker}, in the home's language, from now on; spoken requests act on
     * {@code alarms}. Call {@link #start} on the loop to restore the reminders, and {@link #listen}
     * to hear the resident.
     */
    public ResidentVoice(HearthConfig config, Scheduler loop, Speaker speaker, ReminderStore reminders, AlarmPort alarms) {
        this.alarms = alarms;
        this.languages = config.home().languages().stream().map(LanguageResources::builtIn).toList();
        this.loop = loop;
        HearthConfig.Council council = config.council();
        // Recorded prompts live beside the models: /var/lib/hearth/prompts/<language>. A speaker of
        // them passes every other language through to espeak-ng.
        this.prompts = languages.stream().filter(LanguageResources::recordedPrompts).findFirst()
                .map(l -> PromptSpeaker.open(l.code(), config.voice().modelsDir().resolveSibling("prompts"), speaker))
                .orElse(null);
        this.assistant = new Assistant(languages, new SpokenRequests(), reminders, prompts != null ? prompts : speaker, loop,
                councilPack(council.pack()), new Household(council.binDay(), council.binRound(), council.library()),
                AssistantSettings.DEFAULT);
    }

    /** On the loop: restores the stored reminders. */
    public void start() {
        assistant.start();
    }

    /**
     * Loads each household language's model and starts listening, when the config enables voice.
     * A language without a model (none exists, or it is not installed, or no native library for
     * this CPU) is said in the log and is text and buttons; with no model at all the home only
     * speaks. The buttons and pull cords work either way, and nothing here stops the daemon.
     */
    public void listen(HearthConfig.Voice voice, VoiceLoop.AudioSource microphone) {
        if (!voice.enabled()) {
            LOG.info("Voice: listening is off in the config; replies are still spoken");
            return;
        }
        List<MultilingualRecognizer.Ear> ears = new ArrayList<>();
        List<LanguageResources> heard = new ArrayList<>();
        for (LanguageResources language : languages) {
            Optional<SpeechRecognizer> ear = ear(language, voice);
            if (ear.isPresent()) {
                ears.add(new MultilingualRecognizer.Ear(language.code(), ear.get()));
                heard.add(language);
            }
        }
        if (ears.isEmpty()) {
            stopListening();
            return;
        }
        // Two languages: each recogniser hears every utterance and the judge picks its language.
        recognizer = languages.size() == 1 ? ears.get(0).recognizer()
                : new MultilingualRecognizer(ears, new LanguageJudge(languages));
        VoiceLoop started = new VoiceLoop(recognizer, microphone, assistant, loop::execute, heard, voice.handsFree());
        started.start();
        listener = started;
        LOG.info("Voice: listening in {}{}", heard.stream().map(LanguageResources::code).toList(),
                voice.handsFree() ? " for the wake phrase" : " after the talk button");
    }

    /** {@code language}'s recogniser on its own model, or empty (and why, in the log). */
    private Optional<SpeechRecognizer> ear(LanguageResources language, HearthConfig.Voice voice) {
        if (!language.hasSpeechModel()) {
            LOG.info("Voice: no speech model exists for '{}', so it is text and buttons only; announcements are"
                    + " still played", language.code());
            return Optional.empty();
        }
        Path dir = SpeechModels.fromSystem().locate(voice.modelsDir(), language.speechModel());
        if (!java.nio.file.Files.exists(dir)) {
            // Not installed yet: a choice, not a fault.
            LOG.warn("Voice: not listening in {}, because no {} speech model is installed in {} (`{}`). Replies are"
                    + " still spoken; the buttons and cords work.", language.code(), language.speechModel(), dir,
                    SpeechModels.installCommand(language.speechModel()));
            return Optional.empty();
        }
        VoskModel model = null;
        try {
            VoskNativeLibrary.preferDirectory(voice.libDir());
            model = VoskModel.load(dir);
            EndpointSettings d = EndpointSettings.DEFAULT;
            SpeechRecognizer ear = model.grammarRecognizer(language.grammarPhrases(),
                    new EndpointSettings(voice.endOfSpeech(), d.noSpeech(), d.maxUtterance()));
            models.add(model);
            return Optional.of(ear);
        } catch (Exception | LinkageError e) {
            if (model != null) {
                model.close();
            }
            LOG.error("Voice: not listening in {}, because {}. Replies are still spoken; the buttons and cords work.",
                    language.code(), e.getMessage());
            return Optional.empty();
        }
    }

    public boolean listening() {
        return listener != null;
    }

    private static CouncilPack councilPack(String name) {
        Path file = Path.of(name);
        try {
            return java.nio.file.Files.isRegularFile(file) ? CouncilPack.read(file) : CouncilPack.builtIn(name);
        } catch (java.io.IOException e) {
            // The config loader read this pack a moment ago; a file that vanished since falls back.
            LOG.error("Voice: cannot read the council pack {} ({}); using the built-in Leicester pack", file, e.getMessage());
            return CouncilPack.builtIn(HearthConfig.Council.DEFAULT.pack());
        }
    }

    /** The gateway's news, in the resident's language. */
    @Override
    public void say(Phrase phrase) {
        String key = REPLY_KEYS.get(phrase.key());
        if (key == null) {
            throw new IllegalArgumentException("no reply for phrase " + phrase.key());
        }
        if (answering && (phrase.key().equals(Phrase.PRE_ALARM_CANCELLED) || phrase.key().equals(Phrase.NOTHING_TO_CANCEL)
                || phrase.key().equals(Phrase.CALLING_FOR_HELP))) {
            return;
        }
        VoiceLoop ears = listener;
        if (phrase.key().equals(Phrase.PRE_ALARM_QUESTION)) {
            if (ears != null) {
                ears.checkIn(); // asks the question itself, then listens for the answer
            } else {
                assistant.checkIn(Set.of()); // nothing listens: the question names only the buttons
            }
            return;
        }
        assistant.announce(key, phrase.args());
    }

    /** The talk button: listen to one request, or say why not. */
    public void talkButtonPressed() {
        VoiceLoop ears = listener;
        if (ears != null) {
            ears.talkButtonPressed();
        } else {
            assistant.announce("voice.off", Map.of());
        }
    }

    /** Stops listening, frees the model and stops the recorded prompts; the speaker belongs to the caller. */
    @Override
    public synchronized void close() {
        stopListening();
        if (prompts != null) {
            prompts.close();
        }
    }

    private synchronized void stopListening() {
        if (listener != null) {
            listener.close();
            listener = null;
        }
        if (recognizer != null) {
            recognizer.close();
            recognizer = null;
        }
        models.forEach(VoskModel::close);
        models.clear();
    }

    private <T> T answering(Supplier<T> call) {
        answering = true;
        try {
            return call.get();
        } finally {
            answering = false;
        }
    }

    /** The assistant's alarm port: the gateway's, with the machine's own words left out. */
    private final class SpokenRequests implements AlarmPort {
        @Override
        public void raiseHelp() {
            answering(() -> {
                alarms.raiseHelp();
                return null;
            });
        }

        @Override
        public boolean cancelPreAlarm() {
            return answering(() -> alarms.cancelPreAlarm());
        }

        @Override
        public Optional<String> callCarer() {
            return answering(() -> alarms.callCarer());
        }

        @Override
        public void reminderMissed(Optional<String> task) {
            alarms.reminderMissed(task);
        }
    }
}
