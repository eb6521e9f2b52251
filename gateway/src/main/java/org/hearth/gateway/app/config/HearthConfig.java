package org.hearth.gateway.app.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.hearth.gateway.domain.activity.ActivityParameters;
import org.hearth.sensors.AccelerometerSpec;
import org.hearth.sensors.ClimateSensorSpec;
import org.hearth.sensors.PendantSpec;
import org.hearth.sensors.RadarSpec;
import org.hearth.sensors.SensorSpec;
import org.hearth.sensors.gpio.GpioBackend;

/** The whole validated configuration. {@link Settings} defines every key, its default and bounds (docs/config.md). */
public record HearthConfig(Home home, Storage storage, GpioBackend gpio, List<SensorSpec> sensors, Alerts alerts,
                           List<CarerEntry> carers, Coap coap, Duration heartbeatInterval, Path secretsFile, I2c i2c,
                           Council council, Voice voice, Detection detection, Hub hub, List<RadarSpec> radars,
                           List<PendantSpec> pendants) {

    public HearthConfig {
        sensors = List.copyOf(sensors);
        carers = List.copyOf(carers);
        radars = List.copyOf(radars);
        pendants = List.copyOf(pendants);
    }

    /** A home built in code (the demo, benchmarks, tests), every other setting at its default until set. */
    public static HearthConfigBuilder builder(Home home, Path dataDir) {
        return new HearthConfigBuilder(home, dataDir);
    }

    /** A builder holding every setting of this home, to change some. */
    public HearthConfigBuilder toBuilder() {
        return new HearthConfigBuilder(this);
    }

    /** The same home with other voice settings. */
    public HearthConfig withVoice(Voice newVoice) {
        return toBuilder().voice(newVoice).build();
    }

    /** The same home with the uplink to a care hub (for tests and the demo). */
    public HearthConfig withHub(Hub newHub) {
        return toBuilder().hub(newHub).build();
    }

    /** The same home with these presence radars (for tests). */
    public HearthConfig withRadars(List<RadarSpec> newRadars) {
        return toBuilder().radars(newRadars).build();
    }

    /** The same home with these BLE pendants (for tests). */
    public HearthConfig withPendants(List<PendantSpec> newPendants) {
        return toBuilder().pendants(newPendants).build();
    }

    /** The uplink to a care hub, or null when this home has none. */
    public java.util.Optional<Hub> hubUplink() {
        return java.util.Optional.ofNullable(hub);
    }

    /**
     * Sensors on the I2C bus: worn or fixed accelerometers for fall detection, and temperature sensors.
     * With the mock GPIO backend they are emulated chips.
     */
    public record I2c(List<AccelerometerSpec> accelerometers, List<ClimateSensorSpec> climate) {
        public static final I2c NONE = new I2c(List.of(), List.of());

        public I2c {
            accelerometers = List.copyOf(accelerometers);
            climate = List.copyOf(climate);
        }

        public boolean isEmpty() {
            return accelerometers.isEmpty() && climate.isEmpty();
        }
    }

    /** The languages Hearth speaks; Somali ({@code so}) through recorded prompts and buttons only (docs/voice.md). */
    public static final List<String> LANGUAGES = List.of("en", "gu", "hi", "pa", "ur", "pl", "bn", "so");

    /** At most this many languages in one home: one speech model each, and a Pi's memory holds two (docs/performance.md). */
    public static final int MAX_LANGUAGES = 2;

    /**
     * @param label     pseudonymous name of the home, sent in alerts; never the resident's full name
     * @param languages the household's languages, each one of {@link #LANGUAGES}, the main one first;
     *                  one or two (two people in one home)
     * @param zone      the home's time zone
     * @param household who lives here and whose each wearable is
     */
    public record Home(String label, List<String> languages, ZoneId zone, Household household) {

        public Home {
            languages = List.copyOf(languages);
            if (languages.isEmpty() || languages.size() > MAX_LANGUAGES) {
                throw new IllegalArgumentException("a home has one or two languages, not " + languages);
            }
        }

        /** A home of one resident and one language. */
        public Home(String label, String language, ZoneId zone) {
            this(label, List.of(language), zone, Household.ONE);
        }

        /** The main language: the resident's, or the first of two. */
        public String language() {
            return languages.get(0);
        }

        /** The same home with this household. */
        public Home withHousehold(Household newHousehold) {
            return new Home(label, languages, zone, newHousehold);
        }
    }

    /**
     * @param residents how many people live here (home.residents)
     * @param names     their names as carers know them, one per resident, or empty
     * @param wearers   the worn sensors assigned to a resident: sensor id to name
     */
    public record Household(int residents, List<String> names, Map<String, String> wearers) {
        public static final Household ONE = new Household(1, List.of(), Map.of());

        public Household {
            names = List.copyOf(names);
            wearers = Map.copyOf(wearers);
        }
    }

    /**
     * @param dataDir             where the database lives
     * @param eventRetentionDays  sensor events older than this are deleted
     */
    public record Storage(Path dataDir, int eventRetentionDays) {
        public Path database() {
            return dataDir.resolve("hearth.db");
        }
    }

    /**
     * @param preAlarm          how long the resident has to cancel before carers are told
     * @param escalationTimeout how long each level has to acknowledge before the next is told
     */
    public record Alerts(Duration preAlarm, Duration escalationTimeout) {
    }

    /**
     * Where the resident lives, as far as the council knowledge pack needs it.
     *
     * @param pack    a built-in pack id ("leicester") or a pack file
     * @param binDay  the household's collection weekday, or null when not set up
     * @param binRound the pack's round for this address; set whenever {@code binDay} is
     * @param library the nearest library in the pack, or null for the pack's first
     */
    public record Council(String pack, DayOfWeek binDay, String binRound, String library) {
        public static final Council DEFAULT = new Council(Settings.HOME_COUNCIL.defaultValue(), null, null, null);
    }

    /**
     * The voice assistant. Speech out (espeak-ng) works whenever espeak-ng is installed; listening
     * needs the language's Vosk model in {@code modelsDir/<model>}.
     *
     * @param enabled     listen to the resident at all
     * @param modelsDir   installed Vosk models, one folder per language model
     * @param libDir      where an installed aarch64 {@code libvosk.so} lives
     * @param handsFree   listen all the time for the wake phrase; otherwise only after the talk button
     * @param speechRate  words a minute, slow and clear by default
     */
    /**
     * @param endOfSpeech the pause that ends what the resident says; slow speakers need longer than
     *                    the 700 ms default, and a long pause only makes each answer come later
     */
    public record Voice(boolean enabled, Path modelsDir, Path libDir, boolean handsFree, int speechRate,
                        Duration endOfSpeech) {
        /** The documented defaults, listening off. */
        public static final Voice OFF = new Voice(false, Path.of(Settings.VOICE_MODELS_DIR.defaultValue()),
                Path.of(Settings.VOICE_LIB_DIR.defaultValue()), Settings.VOICE_HANDS_FREE.defaultValue(),
                Settings.VOICE_SPEECH_RATE.defaultValue(), Settings.VOICE_END_OF_SPEECH.defaultValue());
    }

    /**
     * The installer's thresholds for the detectors.
     *
     * @param nightStart       the resident's quiet hours begin (stillness in bed is sleep)
     * @param nightEnd         ...and end
     * @param kitchenMotionBy  no kitchen movement by then asks "are you all right?"
     * @param bathroomMax      the bathroom occupied longer than this asks too
     * @param temperatureLowC  colder indoors than this for an hour tells the carers
     * @param temperatureHighC warmer than this for an hour tells them too
     */
    public record Detection(LocalTime nightStart, LocalTime nightEnd, LocalTime kitchenMotionBy, Duration bathroomMax,
                            double temperatureLowC, double temperatureHighC) {
        /** The detectors' own defaults (docs/detection.md gives the reasons), written once, in the domain. */
        public static final Detection DEFAULT = of(ActivityParameters.defaults());

        /** The installer's part of the detectors' parameters. */
        static Detection of(ActivityParameters p) {
            return new Detection(p.rooms().nightStart(), p.rooms().nightEnd(), p.noMotionBy().get(0).by(),
                    p.occupied().get(0).limit(), p.environment().lowC(), p.environment().highC());
        }
    }

    /**
     * A carer on the ladder: reached directly at {@code endpoint} with their own key from the
     * secrets file, or through the care hub ({@code via: hub}, {@code endpoint} null) with the hub's.
     */
    public record CarerEntry(String name, int level, URI endpoint, boolean viaHub) {

        /** A carer reached directly. */
        public CarerEntry(String name, int level, URI endpoint) {
            this(name, level, endpoint, false);
        }
    }

    /**
     * The uplink to a care hub (docs/hub-api.md §2); its 16-byte key is in the secrets file.
     *
     * @param uri       the hub, {@code coaps://HOST:PORT}
     * @param identity  this home's PSK identity at the hub, {@code home-<id>}
     * @param heartbeat how often the gateway tells the hub it is alive, keeping the home router's
     *                  UDP mapping open (see docs/hub-api.md for the default)
     */
    public record Hub(URI uri, String identity, Duration heartbeat) {
    }

    /**
     * @param bind         address DTLS listens on
     * @param port         DTLS port
     * @param loopbackPort plain CoAP port on 127.0.0.1, or -1 for none
     */
    public record Coap(String bind, int port, int loopbackPort) {
    }
}
