package org.hearth.gateway.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.hearth.sensors.PendantSpec;
import org.hearth.sensors.RadarSpec;
import org.hearth.sensors.SensorKind;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@Tag("small")
class ConfigLoaderTest {

    @TempDir
    Path dir;

    private static final String SECRETS = """
            carers:
              Priya: {identity: priya-1, key: 000102030405060708090a0b0c0d0e0f}
            """;

    private static final String VALID = """
            home: {label: Flat 12, language: en, timezone: Europe/London}
            storage: {data_dir: data}
            gpio: {backend: mock}
            sensors:
              - {id: cord, room: bathroom, kind: pull_cord, pin: 17}
            carers:
              - {name: Priya, level: 1, endpoint: "coaps://192.0.2.1:5684"}
            secrets_file: secrets.yaml
            """;

    private ConfigLoader.Loaded load(String yaml) throws Exception {
        PrivateFile.replace(dir.resolve("secrets.yaml"), SECRETS);
        Path file = dir.resolve("hearth.yaml");
        Files.writeString(file, yaml);
        return ConfigLoader.load(file);
    }

    @Test
    void a_valid_file_becomes_typed_records_with_documented_defaults() throws Exception {
        var loaded = load(VALID);
        var c = loaded.config();
        assertThat(c.home().label()).isEqualTo("Flat 12");
        assertThat(c.storage().dataDir()).isEqualTo(dir.resolve("data"));
        assertThat(c.sensors()).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo(SensorKind.PULL_CORD);
            assertThat(s.activeLow()).isTrue();
            assertThat(s.debounce()).isEqualTo(Duration.ofMillis(20));
        });
        assertThat(c.alerts().preAlarm()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.alerts().escalationTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.heartbeatInterval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(loaded.secrets().forCarer("Priya").orElseThrow().identity()).isEqualTo("priya-1");
        assertThat(loaded.secrets().toString()).doesNotContain("000102");
    }

    @Test
    void a_household_may_set_two_languages_main_first_and_the_single_key_still_works() throws Exception {
        var two = load(VALID.replace("language: en", "languages: [pa, en]"));
        assertThat(two.config().home().languages()).containsExactly("pa", "en");
        assertThat(two.config().home().language()).isEqualTo("pa");
        assertThat(two.effective().lines()).contains("home.languages = [pa, en]");
        assertThat(load(VALID.replace("language: en", "languages: [hi]")).config().home().languages()).containsExactly("hi");
        assertThat(load(VALID.replace("language: en", "language: ur")).config().home().languages()).containsExactly("ur");
        assertThat(load(VALID.replace("language: en, ", "")).config().home().languages()).containsExactly("en");
    }

    @Test
    void a_radar_needs_only_an_id_and_a_room() throws Exception {
        var c = load(VALID + "radars:\n  - {id: radar-lounge, room: living room}\n").config();
        assertThat(c.radars()).singleElement().isEqualTo(
                new RadarSpec("radar-lounge", "living room", "/dev/serial0", 115_200, Duration.ofMinutes(2)));
        assertThat(load(VALID).config().radars()).isEmpty();
    }

    @Test
    void a_pendant_needs_only_an_id_and_its_address() throws Exception {
        var c = load(VALID + "pendants:\n  - {id: pendant, address: \"c0:ff:ee:00:00:01\"}\n").config();
        assertThat(c.pendants()).singleElement().isEqualTo(new PendantSpec("pendant", "worn pendant", "C0:FF:EE:00:00:01",
                "thingy52", "hci0", Duration.ofMinutes(1), Duration.ofSeconds(10), 20));
        assertThat(load(VALID).config().pendants()).isEmpty();
    }

    @Test
    void a_household_of_two_names_its_residents_and_whose_each_wearable_is() throws Exception {
        String two = VALID.replace("timezone: Europe/London}", "timezone: Europe/London, residents: 2, resident_names: \"Mum, Dad\"}")
                + "pendants:\n  - {id: pendant-dad, address: \"c0:ff:ee:00:00:01\", resident: Dad}\n";
        var household = load(two).config().home().household();
        assertThat(household.residents()).isEqualTo(2);
        assertThat(household.names()).containsExactly("Mum", "Dad");
        assertThat(household.wearers()).containsExactly(java.util.Map.entry("pendant-dad", "Dad"));
        assertThat(load(VALID).config().home().household()).isEqualTo(HearthConfig.Household.ONE);
    }

    @Test
    void a_wearable_of_someone_not_in_the_household_and_names_that_do_not_count_are_errors() {
        String bad = VALID.replace("timezone: Europe/London}", "timezone: Europe/London, residents: 2, resident_names: Mum}")
                + "pendants:\n  - {id: pendant-dad, address: \"c0:ff:ee:00:00:01\", resident: Dad}\n";
        assertThatThrownBy(() -> load(bad)).isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors())
                .contains("home.resident_names: names 1 people (\"Mum\"), but home.residents is 2; give one name per resident, "
                        + "comma-separated", "pendants[0].resident: \"Dad\" is not one of home.resident_names (Mum)"));
    }

    @Test
    void a_pendant_can_be_called_not_worn_sooner_or_later_and_too_soon_is_clamped() throws Exception {
        String pendant = "pendants:\n  - {id: pendant, address: \"c0:ff:ee:00:00:01\", not_worn_after: %s}\n";
        assertThat(load(VALID + pendant.formatted("90m")).config().pendants().get(0).notWornAfter()).isEqualTo(Duration.ofMinutes(90));
        var tooSoon = load(VALID + pendant.formatted("10m"));
        assertThat(tooSoon.config().pendants().get(0).notWornAfter()).isEqualTo(Duration.ofMinutes(30));
        assertThat(tooSoon.warnings()).singleElement().asString().startsWith("pendants[0].not_worn_after: 10m is shorter");
    }

    @Test
    void the_shipped_example_is_valid() throws Exception {
        Path examples = Path.of(System.getProperty("hearth.project.root"), "config");
        // git keeps no mode but the execute bit, so the example secrets are copied and made 0600 as a real file must be.
        Path example = Files.copy(examples.resolve("hearth.example.yaml"), dir.resolve("hearth.yaml"));
        PrivateFile.replace(dir.resolve("secrets.example.yaml"), Files.readString(examples.resolve("secrets.example.yaml")));
        var loaded = ConfigLoader.load(example);
        assertThat(loaded.config().sensors()).hasSize(5);
        assertThat(loaded.config().carers()).hasSize(2);
        assertThat(loaded.warnings()).isEmpty();
    }

    static Stream<Arguments> broken() {
        return Stream.of(
                Arguments.of("not YAML", "home: [unclosed\n",
                        List.of("hearth.yaml: not valid YAML at line 2: expected ',' or ']', but got <stream end> (while parsing a flow sequence)")),
                Arguments.of("no label", VALID.replace("label: Flat 12, ", ""),
                        List.of("home.label: is required")),
                Arguments.of("unknown language", VALID.replace("language: en", "language: fr"),
                        List.of("home.language: must be one of en, gu, hi, pa, ur, pl, bn, so, was \"fr\"")),
                Arguments.of("two languages with one unknown", VALID.replace("language: en", "languages: [pa, fr]"),
                        List.of("home.languages[1]: must be one of en, gu, hi, pa, ur, pl, bn, so, was \"fr\"")),
                Arguments.of("three languages", VALID.replace("language: en", "languages: [pa, en, hi]"),
                        List.of("home.languages: name one or two languages, main first, such as [pa, en]; was [pa, en, hi]"
                                + " (each language with speech needs a model of its own in memory, and a Pi holds two at most)")),
                Arguments.of("one language twice", VALID.replace("language: en", "languages: [en, en]"),
                        List.of("home.languages: names a language twice, was [en, en]")),
                Arguments.of("no language in the list", VALID.replace("language: en", "languages: []"),
                        List.of("home.languages: name one or two languages, main first, such as [pa, en]; was []")),
                Arguments.of("both keys", VALID.replace("language: en", "language: en, languages: [pa, en]"),
                        List.of("home.languages: set either home.language or home.languages, not both")),
                Arguments.of("languages as a mapping", VALID.replace("language: en", "languages: {main: pa}"),
                        List.of("home.languages: must be a list such as [en, gu]")),
                Arguments.of("bad zone", VALID.replace("Europe/London", "Mars/Olympus"),
                        List.of("home.timezone: unknown time zone \"Mars/Olympus\"; use a name like Europe/London")),
                Arguments.of("pin out of range", VALID.replace("pin: 17", "pin: 40"),
                        List.of("sensors[0].pin: must be between 2 and 27 (BCM numbering), was 40")),
                Arguments.of("two sensors on one pin", VALID.replace("pin: 17}", "pin: 17}\n  - {id: door, room: hall, kind: contact, pin: 17}"),
                        List.of("sensors[1].pin: 17 is already used by cord")),
                Arguments.of("unknown kind", VALID.replace("kind: pull_cord", "kind: lava_lamp"),
                        List.of("sensors[0].kind: unknown sensor kind \"lava_lamp\"; expected one of pir, contact, pressure_mat, "
                                + "pull_cord, help_button, cancel_button, fall_output, talk_button")),
                Arguments.of("bad duration and misspelt key", VALID + "alerts: {pre_alarm: soon, escalation_timeuot: 5m}\n",
                        List.of("alerts.escalation_timeuot: unknown setting; expected one of pre_alarm, escalation_timeout",
                                "alerts.pre_alarm: not a duration: \"soon\"; write it like 20ms, 30s, 5m, 2h or 30d")),
                Arguments.of("plain http carer", VALID.replace("coaps://192.0.2.1:5684", "http://192.0.2.1"),
                        List.of("carers[0].endpoint: must be a coaps:// URI with a host, was \"http://192.0.2.1\"")),
                Arguments.of("no carers", VALID.replace("carers:\n  - {name: Priya, level: 1, endpoint: \"coaps://192.0.2.1:5684\"}\n", ""),
                        List.of("carers: at least one carer is required, or no one will ever be told")),
                Arguments.of("carer without a key", VALID.replace("name: Priya", "name: Tom"),
                        List.of("carers[0].name: no key for \"Tom\" in the secrets file; run: hearth pair --carer Tom")),
                Arguments.of("an accelerometer at a wrong address, and a sensor on the I2C bus's pin",
                        VALID.replace("pin: 17", "pin: 3") + "i2c: {accelerometers: [{id: accel, room: hall, address: 0x99}]}\n",
                        List.of("i2c.accelerometers[0]: accelerometer accel: address 0x99 is not an ADXL345 address (0x53 or 0x1D)",
                                "sensors[0].pin: BCM 3 is the I2C bus (SCL), which the i2c sensors use")),
                Arguments.of("radars: a bad baud, a port that is not a device, one port twice, a name taken, and the UART's pins",
                        VALID.replace("pin: 17", "pin: 14") + "radars:\n"
                                + "  - {id: radar-lounge, room: living room, baud: 9999}\n"
                                + "  - {id: radar-bed, room: bedroom, device: COM3}\n"
                                + "  - {id: radar-hall, room: hall, device: /dev/ttyUSB0}\n"
                                + "  - {id: cord, room: kitchen, device: /dev/ttyUSB0}\n",
                        List.of("radars[0]: radar radar-lounge: baud 9999 is not one of [9600, 19200, 38400, 57600, 115200, "
                                        + "230400] (the MR24HPC1 ships at 115200)",
                                "radars[1]: radar radar-bed: serial device \"COM3\" is not a device under /dev, for example /dev/serial0",
                                "radars[3].id: duplicate id \"cord\" (another sensor has it)",
                                "radars[3].device: /dev/ttyUSB0 is already the port of radars[2]",
                                "sensors[0].pin: BCM 14 is the serial port (TXD), which the radar on /dev/serial0 uses")),
                Arguments.of("pendants: no address, a bad address, an unknown profile, a name taken, one address twice, a bad battery level",
                        VALID + "pendants:\n"
                                + "  - {id: p0}\n"
                                + "  - {id: p1, address: \"AA:BB:CC\"}\n"
                                + "  - {id: p2, address: \"AA:BB:CC:DD:EE:01\", profile: puck}\n"
                                + "  - {id: cord, address: \"AA:BB:CC:DD:EE:02\"}\n"
                                + "  - {id: p4, address: \"aa:bb:cc:dd:ee:02\", battery_low: 95}\n",
                        List.of("pendants[0].address: is required",
                                "pendants[1]: pendant p1: address \"AA:BB:CC\" is not a Bluetooth address like AA:BB:CC:DD:EE:FF",
                                "pendants[2].profile: must be one of thingy52, was \"puck\"",
                                "pendants[3].id: duplicate id \"cord\" (another sensor has it)",
                                "pendants[4].battery_low: must be between 1 and 90, was 95",
                                "pendants[4].address: aa:bb:cc:dd:ee:02 is already the address of pendants[3]")),
                Arguments.of("a bin round not in the council pack, and a day without a round",
                        VALID.replace("timezone: Europe/London}", "timezone: Europe/London, bin_day: tuesday, bin_round: Z}"),
                        List.of("home.bin_round: \"Z\" is not a round of Leicester City Council; expected one of weekly")),
                Arguments.of("a bin day that is not a weekday, with no round",
                        VALID.replace("timezone: Europe/London}", "timezone: Europe/London, bin_day: someday}"),
                        List.of("home.bin_day: must be a weekday such as tuesday, was \"someday\"",
                                "home.bin_round: is required with home.bin_day; the council pack's rounds are weekly")),
                Arguments.of("an unknown council pack",
                        VALID.replace("timezone: Europe/London}", "timezone: Europe/London, council: atlantis}"),
                        List.of("home.council: no built-in council pack 'atlantis'")),
                Arguments.of("quiet hours, speech rate and temperatures out of range",
                        VALID.replace("timezone: Europe/London}", "timezone: Europe/London, quiet_hours: late}")
                                + "voice: {speech_rate: 400}\ndetection: {temperature_low_c: 20, temperature_high_c: 22}\n",
                        List.of("home.quiet_hours: write it like 22:00-07:00, was \"late\"",
                                "voice.speech_rate: must be between 80 and 220, was 400",
                                "detection.temperature_high_c: must be at least 4 °C above temperature_low_c (20.0)")),
                Arguments.of("many problems at once", VALID.replace("pin: 17", "pin: one").replace("level: 1", "level: 0")
                                .replace("kind: pull_cord", "kind: cord"),
                        List.of("sensors[0].kind: unknown sensor kind \"cord\"; expected one of pir, contact, pressure_mat, "
                                        + "pull_cord, help_button, cancel_button, fall_output, talk_button",
                                "sensors[0].pin: must be a BCM pin number, was \"one\"",
                                "carers[0].level: must be between 1 and 9, was 0")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void broken_files_report_every_problem_with_its_key_path(String name, String yaml, List<String> expected) {
        assertThatThrownBy(() -> load(yaml))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors()).containsExactlyElementsOf(expected));
    }

    @Test
    void the_household_voice_and_thresholds_are_read_with_their_defaults() throws Exception {
        var defaults = load(VALID).config();
        assertThat(defaults.council()).isEqualTo(HearthConfig.Council.DEFAULT);
        assertThat(defaults.voice().enabled()).isTrue();
        assertThat(defaults.voice().modelsDir()).isEqualTo(Path.of("/var/lib/hearth/models"));
        assertThat(defaults.detection()).isEqualTo(HearthConfig.Detection.DEFAULT);

        var c = load(VALID.replace("timezone: Europe/London}", "timezone: Europe/London, bin_day: Thursday, bin_round: weekly,"
                + " quiet_hours: \"23:30-6:45\"}") + """
                voice: {enabled: false, models_dir: models, hands_free: true, speech_rate: 110, end_of_speech: 1500ms}
                detection: {kitchen_motion_by: "11:15", bathroom_max: 1h, temperature_low_c: 14.5, temperature_high_c: 29}
                """).config();
        assertThat(c.council()).isEqualTo(new HearthConfig.Council("leicester", java.time.DayOfWeek.THURSDAY, "weekly", null));
        assertThat(c.voice()).isEqualTo(new HearthConfig.Voice(false, dir.resolve("models"), Path.of("/var/lib/hearth/lib"),
                true, 110, Duration.ofMillis(1500)));
        assertThat(c.detection()).isEqualTo(new HearthConfig.Detection(java.time.LocalTime.of(23, 30),
                java.time.LocalTime.of(6, 45), java.time.LocalTime.of(11, 15), Duration.ofHours(1), 14.5, 29));
    }

    @Test
    void a_missing_file_is_reported_plainly() {
        assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("nope.yaml")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors())
                        .containsExactly("nope.yaml: file not found: " + dir.resolve("nope.yaml")));
    }

    @Test
    void risky_durations_are_clamped_with_a_warning() throws Exception {
        var loaded = load(VALID + "alerts: {pre_alarm: 2s}\n");
        assertThat(loaded.config().alerts().preAlarm()).isEqualTo(Duration.ofSeconds(10));
        assertThat(loaded.warnings()).containsExactly("alerts.pre_alarm: 2s is shorter than the safe minimum; using 10s");
    }

    @Test
    void a_carer_without_a_key_is_skipped_with_a_warning_while_another_can_be_told() throws Exception {
        var loaded = load(VALID.replace("carers:\n", "carers:\n  - {name: Tom, level: 2, endpoint: \"coaps://192.0.2.2:5684\"}\n"));
        assertThat(loaded.config().carers()).extracting(HearthConfig.CarerEntry::name).containsExactly("Tom", "Priya");
        assertThat(loaded.secrets().forCarer("Tom")).isEmpty();
        assertThat(loaded.warnings()).containsExactly("carers[0].name: no key for \"Tom\" in the secrets file (revoked, or not "
                + "paired yet); Hearth will not tell Tom until you run: hearth pair --carer Tom");
    }

    @Test
    void pairing_reads_the_config_without_any_secrets_file() throws Exception {
        Path file = dir.resolve("hearth.yaml");
        Files.writeString(file, VALID);
        assertThat(ConfigLoader.loadWithoutSecrets(file).carers()).hasSize(1);
        assertThatThrownBy(() -> ConfigLoader.load(file)).isInstanceOf(ConfigException.class);
        assertThat(ConfigLoader.loadSecretsIfPresent(dir.resolve("secrets.yaml")).carers()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("openModes")
    void a_secrets_file_others_may_read_or_write_is_refused_with_the_fix(String mode, String octal) throws Exception {
        Path secrets = dir.resolve("secrets.yaml");
        PrivateFile.replace(secrets, SECRETS);
        Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString(mode));
        Path file = dir.resolve("hearth.yaml");
        Files.writeString(file, VALID);

        assertThatThrownBy(() -> ConfigLoader.load(file)).isInstanceOfSatisfying(ConfigException.class, e ->
                assertThat(e.errors()).containsExactly("secrets_file: " + secrets + " has mode " + octal + ", so users other than"
                        + " its owner can read or change the carers' keys; Hearth will not use it. Make it private: chmod 600 " + secrets));
    }

    static Stream<Arguments> openModes() {
        return Stream.of(Arguments.of("rw-r--r--", "0644"), Arguments.of("rw-r-----", "0640"), Arguments.of("rw-----w-", "0602"),
                Arguments.of("rw--w----", "0620"));
    }

    @Test
    void a_secrets_file_only_its_owner_may_read_is_accepted() throws Exception {
        assertThat(load(VALID).secrets().carers()).containsKey("Priya");
        Files.setPosixFilePermissions(dir.resolve("secrets.yaml"), PosixFilePermissions.fromString("r--------"));
        assertThat(ConfigLoader.load(dir.resolve("hearth.yaml")).secrets().carers()).containsKey("Priya");
    }
}
