package org.hearth.tools.bench;

import org.hearth.voice.AlarmPort;
import org.hearth.voice.testkit.BenchPhrases;
import org.hearth.voice.testkit.ClipSynthesizer;
import java.util.Optional;
import java.time.DayOfWeek;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.hearth.time.VirtualScheduler;
import org.hearth.voice.Assistant;
import org.hearth.voice.AssistantSettings;
import org.hearth.voice.Heard;
import org.hearth.voice.InMemoryReminderStore;
import org.hearth.voice.intent.Intent;
import org.hearth.voice.intent.LanguageResources;
import org.hearth.voice.recognition.AudioInputs;
import org.hearth.voice.recognition.EndpointSettings;
import org.hearth.voice.recognition.VoskModel;
import org.hearth.voice.recognition.VoskSpeechRecognizer;
import org.hearth.voice.skill.CouncilPack;
import org.hearth.voice.skill.Household;
import org.hearth.voice.speech.EspeakSpeaker;

/**
 * The voice benchmark: English clips made with espeak-ng and sox, decoded in grammar mode by one
 * loaded model, answered by the assistant and spoken by espeak-ng (sound discarded).
 *
 * <ul>
 *   <li>{@code decode_ms}: Vosk's own time per clip (feeding audio and the final result), mean;
 *   <li>{@code reply_ms}: per clip, mean, from the moment the whole utterance is available to
 *       the recogniser until espeak-ng has started on the reply: decoding, endpointing, intent
 *       matching, the skill and starting the synthesiser. Live, audio arrives as it is spoken and
 *       decoding keeps up, so this is an upper bound on the work left after speech ends; a
 *       hands-free endpoint adds its trailing-silence wait (0.7 s by default), a button does not;
 *   <li>{@code rtf}: total decode time over total audio time;
 *   <li>{@code rss_mb}: the process's peak resident memory with the model loaded.
 * </ul>
 */
public final class VoiceBench {

    /** One benchmark run's figures. */
    public record Result(int clips, long decodeMs, long replyMs, double rtf, long rssMb, int correct, int models) {
        /** The benchmark's one output line. */
        public String line() {
            return String.format(Locale.ROOT, "voice: clips=%d decode_ms=%d reply_ms=%d rtf=%.3f rss_mb=%d",
                    clips, decodeMs, replyMs, rtf, rssMb) + (models > 1 ? " models=" + models : "");
        }
    }

    private static final String[] VOICES = {"en-gb", "en-us"};
    private static final int[] RATES = {130, 170};

    private VoiceBench() {
    }

    public static Result run(Path modelDir, int clipCount, long seed) throws IOException, InterruptedException {
        return run(modelDir, clipCount, seed, 1);
    }

    /**
     * With {@code models} greater than one, loads the model that many times, each with its own
     * recogniser, and decodes every clip with each, one after the other: what a household of two
     * languages costs (docs/performance.md, "A second language"), with the English model standing in
     * for the second language's. {@code decode_ms} and {@code rtf} then cover all of them; the reply
     * is made from the first instance's hearing.
     */
    public static Result run(Path modelDir, int clipCount, long seed, int models) throws IOException, InterruptedException {
        if (models < 1) {
            throw new IllegalArgumentException("models must be 1 or more, was " + models);
        }
        List<VoskModel> extraModels = new java.util.ArrayList<>();
        List<VoskSpeechRecognizer> extra = new java.util.ArrayList<>();
        try {
            LanguageResources en = LanguageResources.builtIn("en");
            for (int i = 1; i < models; i++) {
                extraModels.add(VoskModel.load(modelDir));
                extra.add(extraModels.get(i - 1).grammarRecognizer(en.grammarPhrases(), EndpointSettings.DEFAULT));
            }
            Result r = runWith(modelDir, clipCount, seed, extra);
            return new Result(r.clips(), r.decodeMs(), r.replyMs(), r.rtf(), r.rssMb(), r.correct(), models);
        } finally {
            extra.forEach(VoskSpeechRecognizer::close);
            extraModels.forEach(VoskModel::close);
        }
    }

    private static Result runWith(Path modelDir, int clipCount, long seed, List<VoskSpeechRecognizer> extra)
            throws IOException, InterruptedException {
        LanguageResources en = LanguageResources.builtIn("en");
        ClipSynthesizer synth = ClipSynthesizer.create();
        List<Clip> clips = clips(en, synth, clipCount, new Random(seed));
        String espeak = ClipSynthesizer.onPath("espeak-ng").orElseThrow();
        try (VoskModel model = VoskModel.load(modelDir);
                VoskSpeechRecognizer recognizer = model.grammarRecognizer(en.grammarPhrases(), EndpointSettings.DEFAULT);
                EspeakSpeaker speaker = new EspeakSpeaker(espeak, EspeakSpeaker.DEFAULT_RATE,
                        EspeakSpeaker.Output.DISCARD, (t, l) -> { })) {
            AtomicLong started = new AtomicLong();
            speaker.onStart(() -> started.set(System.nanoTime()));
            VirtualScheduler scheduler = new VirtualScheduler(Instant.parse("2026-03-10T10:00:00Z"),
                    ZoneId.of("Europe/London"));
            Assistant assistant = new Assistant(en, new BenchAlarm(), new InMemoryReminderStore(), speaker, scheduler,
                    CouncilPack.builtIn("leicester"), new Household(DayOfWeek.TUESDAY, "weekly", null),
                    AssistantSettings.DEFAULT);
            long decodeNanos = 0;
            long replyNanos = 0;
            long audioMs = 0;
            int correct = 0;
            for (Clip clip : clips) {
                long t0 = System.nanoTime();
                Heard heard = recognizer.listen(AudioInputs.pcm(clip.pcm()));
                for (VoskSpeechRecognizer other : extra) {
                    decodeNanos += other.listen(AudioInputs.pcm(clip.pcm())).timing().decodeNanos();
                }
                if (assistant.match(heard).intent() == clip.intent()) {
                    correct++;
                }
                started.set(0);
                assistant.hear(heard);
                speaker.drain();
                if (started.get() == 0) {
                    // A reply with nothing to say (stop): it "starts" when the assistant is done.
                    started.set(System.nanoTime());
                }
                replyNanos += started.get() - t0;
                decodeNanos += heard.timing().decodeNanos();
                audioMs += ClipSynthesizer.durationMs(clip.pcm());
            }
            int n = clips.size();
            return new Result(n, decodeNanos / n / 1_000_000, replyNanos / n / 1_000_000,
                    decodeNanos / 1e6 / audioMs, PeakRss.megabytes(), correct, 1);
        }
    }

    private record Clip(Intent intent, byte[] pcm) {
    }

    /** Phrases drawn evenly over the intents, voices and rates, with silence around them. */
    private static List<Clip> clips(LanguageResources en, ClipSynthesizer synth, int count, Random random)
            throws IOException {
        List<Intent> intents = new ArrayList<>(en.intents());
        intents.remove(Intent.NONE);
        List<Clip> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Intent intent = intents.get(i % intents.size());
            List<List<String>> phrases = en.phrases().get(intent);
            String text = BenchPhrases.speakable(phrases.get(random.nextInt(phrases.size())), random);
            byte[] speech = synth.speak(text, VOICES[i % VOICES.length], RATES[(i / VOICES.length) % RATES.length]);
            out.add(new Clip(intent, ClipSynthesizer.pad(speech, 300, 900)));
        }
        return out;
    }

    private static final class BenchAlarm implements AlarmPort {
        @Override
        public void raiseHelp() {
        }

        @Override
        public boolean cancelPreAlarm() {
            return false;
        }

        @Override
        public Optional<String> callCarer() {
            return Optional.of("Priya");
        }

        @Override
        public void reminderMissed(Optional<String> task) {
        }
    }
}
