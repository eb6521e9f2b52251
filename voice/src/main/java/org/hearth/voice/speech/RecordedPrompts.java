package org.hearth.voice.speech;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * A folder of recorded prompts, {@code <key>.wav} for each key of the {@link PromptManifest}:
 * which are there, which are missing, and which cannot be played. Files are looked at when asked,
 * so a recording copied in later is played without a restart.
 */
public final class RecordedPrompts {

    /** Where a device keeps the recordings of a language: {@code /var/lib/hearth/prompts/<language>}. */
    public static final Path DEFAULT_ROOT = Path.of("/var/lib/hearth/prompts");

    /** A prompt and whether its recording can be played; {@code problem} says why not. */
    public record Status(PromptManifest.Prompt prompt, Path file, Optional<String> problem) {
        public boolean recorded() {
            return problem.isEmpty();
        }
    }

    private final Path dir;
    private final PromptManifest manifest;

    public RecordedPrompts(Path dir, PromptManifest manifest) {
        this.dir = dir;
        this.manifest = manifest;
    }

    public Path dir() {
        return dir;
    }

    public PromptManifest manifest() {
        return manifest;
    }

    /** The recording of {@code key}, if the manifest has the key and its file plays. */
    public Optional<Path> recording(String key) {
        return manifest.prompt(key).map(this::status).filter(Status::recorded).map(Status::file);
    }

    /** Every prompt of the manifest, in its order, with what is wrong with its file if anything. */
    public List<Status> statuses() {
        List<Status> out = new ArrayList<>();
        manifest.prompts().forEach(p -> out.add(status(p)));
        return out;
    }

    /** The prompts with no playable recording. */
    public List<Status> missing() {
        return statuses().stream().filter(s -> !s.recorded()).toList();
    }

    private Status status(PromptManifest.Prompt prompt) {
        Path file = dir.resolve(prompt.key() + ".wav");
        return new Status(prompt, file, problem(file));
    }

    /** Why a file will not play: absent, not a WAV, not PCM, or empty. */
    private static Optional<String> problem(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.of("missing");
        }
        try {
            AudioFileFormat f = AudioSystem.getAudioFileFormat(file.toFile());
            AudioFormat.Encoding enc = f.getFormat().getEncoding();
            if (f.getType() != AudioFileFormat.Type.WAVE) {
                return Optional.of("not a WAV file");
            }
            if (!enc.equals(AudioFormat.Encoding.PCM_SIGNED) && !enc.equals(AudioFormat.Encoding.PCM_UNSIGNED)) {
                return Optional.of("not PCM (" + enc + "); record 16-bit PCM");
            }
            if (f.getFrameLength() <= 0) {
                return Optional.of("holds no sound");
            }
            return Optional.empty();
        } catch (UnsupportedAudioFileException e) {
            return Optional.of("not a WAV file");
        } catch (IOException e) {
            return Optional.of("cannot be read (" + e.getMessage() + ")");
        }
    }
}
