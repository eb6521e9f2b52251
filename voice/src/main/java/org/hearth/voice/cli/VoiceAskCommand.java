package org.hearth.voice.cli;

import java.io.PrintStream;
import java.io.OutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import javax.sound.sampled.AudioInputStream;
import org.hearth.time.VirtualScheduler;
import org.hearth.voice.AlarmPort;
import org.hearth.voice.Assistant;
import org.hearth.voice.AssistantSettings;
import org.hearth.voice.Heard;
import org.hearth.voice.InMemoryReminderStore;
import org.hearth.voice.ReminderStore;
import org.hearth.voice.Reply;
import org.hearth.voice.Speaker;
import org.hearth.voice.intent.Intent;
import org.hearth.voice.intent.LanguageResources;
import org.hearth.voice.models.SpeechModels;
import org.hearth.voice.recognition.AudioInputs;
import org.hearth.voice.recognition.EndpointSettings;
import org.hearth.voice.recognition.VoskModel;
import org.hearth.voice.recognition.VoskNativeLibrary;
import org.hearth.voice.recognition.VoskSpeechRecognizer;
import org.hearth.voice.skill.CouncilPack;
import org.hearth.voice.skill.CouncilPackException;
import org.hearth.voice.skill.Household;
import org.hearth.voice.speech.EspeakSpeaker;
import org.hearth.voice.speech.Speakers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hearth voice ask}: asks the assistant by typed text or by WAV files, and prints one line
 * per question: {@code [file=<path> ]intent=<name> reply="<text>"}. WAV files are one
 * conversation, heard by one loaded model, so "help" then "yes" works across two files.
 *
 * <p>Without a running daemon it acts on nothing: alarms and carer calls are logged as a dry run
 * and reminders are kept in memory. The gateway passes its real ports to the second constructor.
 */
@Command(name = "ask", mixinStandardHelpOptions = true,
        description = "Ask the voice assistant by text or WAV files (16 kHz mono) and print its answers.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every question was answered", "1:a file or model could not be read, or (with --fail-on-none)"
            + " a question was not understood", "2:wrong options"})
public final class VoiceAskCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--lang", defaultValue = "en", description = "Language: en, gu, hi, pa, ur, pl or bn (default: ${DEFAULT-VALUE}).")
    private String lang;

    @Option(names = "--quiet", description = "Print the replies without speaking them.")
    private boolean quiet;

    @Option(names = "--text", description = "Ask this typed question instead of WAV files.")
    private String text;

    @Option(names = "--fail-on-none", description = "Exit with 1 when any answer's intent is none (not understood).")
    private boolean failOnNone;

    @Parameters(paramLabel = "FILE.wav", arity = "0..*", description = "WAV files, one question each.")
    private List<Path> files = List.of();

    @Option(names = "--models-dir", defaultValue = "/var/lib/hearth/models",
            description = "Installed models (default: ${DEFAULT-VALUE}; from a checkout, the model the build unpacked when none is installed).")
    private Path modelsDir;

    @Option(names = "--model", description = "A model folder to use instead of the installed one.")
    private Path model;

    @Option(names = "--lib-dir", defaultValue = "/var/lib/hearth/lib", description = "Where an installed libvosk.so lives (default: ${DEFAULT-VALUE}).")
    private Path libDir;

    @Option(names = "--council", defaultValue = "leicester", description = "Council pack: a built-in id or a YAML file (default: ${DEFAULT-VALUE}).")
    private String council;

    @Option(names = "--bin-day", description = "The household's bin collection weekday, for example TUESDAY.")
    private DayOfWeek binDay;

    @Option(names = "--bin-round", description = "The household's bin round in the pack (default: the pack's first round).")
    private String binRound;

    @Option(names = "--rate", defaultValue = "" + EspeakSpeaker.DEFAULT_RATE, description = "Speech rate in words a minute (default: ${DEFAULT-VALUE}).")
    private int rate;

    private final AlarmPort alarm;
    private final ReminderStore reminders;

    public VoiceAskCommand() {
        this(new DryRunAlarmPort(), new InMemoryReminderStore());
    }

    public VoiceAskCommand(AlarmPort alarm, ReminderStore reminders) {
        this.alarm = alarm;
        this.reminders = reminders;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if ((text == null) == files.isEmpty()) {
            err.println("Give either --text \"...\" or one or more WAV files.");
            return 2;
        }
        LanguageResources language;
        CouncilPack pack;
        try {
            language = LanguageResources.builtIn(lang);
            pack = Files.isRegularFile(Path.of(council)) ? CouncilPack.read(Path.of(council)) : CouncilPack.builtIn(council);
        } catch (IllegalArgumentException | CouncilPackException e) {
            err.println(e.getMessage());
            return 2;
        }
        Speaker speaker = quiet ? (t, l) -> { } : speaker();
        VirtualScheduler scheduler = new VirtualScheduler(Clock.systemUTC().instant(), ZoneId.systemDefault());
        java.util.SortedSet<String> rounds = new java.util.TreeSet<>(pack.bins().rounds().keySet());
        String round = binRound != null ? binRound : rounds.isEmpty() ? null : rounds.first();
        if (binDay != null && (round == null || !rounds.contains(round))) {
            err.println("--bin-round: '" + round + "' is not a round of " + pack.council() + "; its rounds are " + rounds);
            return 2;
        }
        Household household = binDay == null ? Household.UNKNOWN : new Household(binDay, round, null);
        Assistant assistant = new Assistant(language, alarm, reminders, speaker, scheduler, pack, household,
                AssistantSettings.DEFAULT);
        try {
            if (text != null) {
                Reply reply = assistant.hearText(text);
                out.println(line(null, reply));
                return understood(reply, err) ? 0 : 1;
            }
            return askFiles(language, assistant, out, err);
        } finally {
            out.flush();
            if (speaker instanceof EspeakSpeaker espeak) {
                espeak.drain();
                espeak.close();
            }
        }
    }

    private int askFiles(LanguageResources language, Assistant assistant, PrintWriter out, PrintWriter err)
            throws IOException {
        Path modelDir = model != null ? model : SpeechModels.fromSystem().locate(modelsDir, language.speechModel());
        if (model == null && !SpeechModels.isModel(modelDir)) {
            err.println(SpeechModels.missing(modelDir, language.speechModel()) + ", or give a model folder with --model DIR.");
            return 1;
        }
        VoskNativeLibrary.preferDirectory(libDir);
        int code = 0;
        try (VoskModel vosk = VoskModel.load(modelDir);
                VoskSpeechRecognizer recognizer = vosk.grammarRecognizer(language.grammarPhrases(),
                        EndpointSettings.DEFAULT)) {
            for (Path file : files) {
                Heard heard;
                try (AudioInputStream audio = AudioInputs.wav(file)) {
                    heard = recognizer.listen(audio);
                } catch (IOException e) {
                    err.println("file=" + file + " error=\"" + e.getMessage() + "\"");
                    code = 1;
                    continue;
                }
                Reply reply = assistant.hear(heard);
                out.println(line(file, reply));
                out.flush();
                if (!understood(reply, err)) {
                    code = 1;
                }
            }
        } catch (IOException e) {
            err.println(e.getMessage());
            return 1;
        }
        return code;
    }

    /** False, after saying so, when --fail-on-none is given and the reply is to a question not understood. */
    private boolean understood(Reply reply, PrintWriter err) {
        if (failOnNone && reply.intent() == Intent.NONE) {
            err.println("not understood (intent=none), and --fail-on-none was given");
            return false;
        }
        return true;
    }

    private Speaker speaker() {
        // The reply is printed anyway, so without espeak-ng there is nothing more to print.
        return Speakers.create(rate, new PrintStream(OutputStream.nullOutputStream()));
    }

    static String line(Path file, Reply reply) {
        String quoted = reply.text().replace("\\", "\\\\").replace("\"", "\\\"");
        return (file == null ? "" : "file=" + file + " ") + "intent=" + reply.intent().id() + " reply=\"" + quoted + "\"";
    }

}
