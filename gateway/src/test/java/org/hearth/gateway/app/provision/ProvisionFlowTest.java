package org.hearth.gateway.app.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hearth.gateway.app.config.HearthConfig;
import org.hearth.sensors.ClimateChip;
import org.hearth.sensors.ClimateSensorSpec;
import org.hearth.sensors.SensorKind;
import org.hearth.sensors.SensorSpec;
import org.hearth.voice.skill.CouncilPack;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The wizard's questions with scripted answers: "" is the installer pressing Enter. */
@Tag("small")
class ProvisionFlowTest {

    private static final CouncilPack LEICESTER = CouncilPack.builtIn("leicester-sample");

    /** Every section with Enter for each default, one pull cord, and Priya. */
    private static List<String> defaultsWith(List<String> resident, List<String> address, List<String> quiet, List<String> sensors) {
        List<String> s = new ArrayList<>();
        s.addAll(resident);
        s.addAll(address);
        s.addAll(quiet);
        s.addAll(sensors);
        s.addAll(List.of("", "Priya", "", "192.168.1.30", ""));   // carers: add, name, level 1, device, done
        s.addAll(List.of("", "", "", "", "", "", ""));             // thresholds
        return s;
    }

    private static final List<String> ENTER_3 = List.of("", "", "");   // label, language, no second language
    private static final List<String> SKIP_BINS = List.of("", "", "");          // council, no address, library
    private static final List<String> ONE_CORD = List.of("", "", "", "", "");   // add, kind, room, pin, done

    @Test
    void enter_at_every_question_takes_the_documented_defaults() {
        List<String> script = defaultsWith(ENTER_3, SKIP_BINS, List.of(""), ONE_CORD);
        script.add("save");
        ScriptedConsole console = new ScriptedConsole(script);

        HomePlan plan = run(console, HomePlan.defaults()).orElseThrow();

        assertThat(console.unanswered()).isZero();
        assertThat(plan.label).isEqualTo("Home");
        assertThat(plan.language).isEqualTo("en");
        assertThat(plan.council).isEqualTo("leicester");
        assertThat(plan.binDay).isNull();
        assertThat(plan.library).isEqualTo("Central Library");
        assertThat(plan.quietFrom).isEqualTo(LocalTime.of(22, 0));
        assertThat(plan.quietTo).isEqualTo(LocalTime.of(7, 0));
        assertThat(plan.sensors).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo(SensorKind.PULL_CORD);
            assertThat(s.room()).isEqualTo("bathroom");
            assertThat(s.pin()).isEqualTo(26);
            assertThat(s.id()).isEqualTo("cord-bathroom");
            assertThat(s.activeLow()).isTrue();
        });
        assertThat(plan.carers).containsExactly(new HomePlan.Carer("Priya", 1, java.net.URI.create("coaps://192.168.1.30:5684"), true));
        assertThat(plan.preAlarm).isEqualTo(Duration.ofSeconds(30));
        assertThat(plan.escalationTimeout).isEqualTo(Duration.ofMinutes(5));
        assertThat(plan.kitchenMotionBy).isEqualTo(LocalTime.of(10, 0));
        assertThat(plan.bathroomMax).isEqualTo(Duration.ofMinutes(45));
        assertThat(plan.temperatureLowC).isEqualTo(16);
        assertThat(plan.temperatureHighC).isEqualTo(27);
        assertThat(plan.eventsRetentionDays).isEqualTo(30);
        assertThat(console.transcript()).contains("Which room is the pull cord in? [bathroom]")
                .contains("Type a number to change it, or 'save'");
    }

    @Test
    void an_answer_changed_at_the_summary_is_the_one_saved() {
        List<String> script = defaultsWith(List.of("Flat 12", "Urdu", ""), SKIP_BINS, List.of(""), ONE_CORD);
        script.addAll(List.of("1", "Amina", "", "", "save"));   // change section 1: new label, language kept
        ScriptedConsole console = new ScriptedConsole(script);

        HomePlan plan = run(console, HomePlan.defaults()).orElseThrow();

        assertThat(plan.label).isEqualTo("Amina");
        assertThat(plan.language).isEqualTo("ur");
        assertThat(console.transcript()).contains("alerts say \"Flat 12\"").contains("alerts say \"Amina\"")
                .contains("Which language does the resident speak? [ur]");
    }

    @Test
    void a_second_language_is_asked_for_and_text_and_button_only_languages_are_named() {
        // Punjabi first; Punjabi again as the second is refused, then English.
        List<String> script = defaultsWith(List.of("Flat 12", "Punjabi", "pa", "English"), SKIP_BINS, List.of(""), ONE_CORD);
        script.add("save");
        ScriptedConsole console = new ScriptedConsole(script);

        HomePlan plan = run(console, HomePlan.defaults()).orElseThrow();

        assertThat(plan.languages()).containsExactly("pa", "en");
        assertThat(console.transcript())
                .contains("Text and buttons only, as no speech model exists for them: Punjabi (pa), Bengali (bn), Somali (so).")
                .contains("Sorry: Punjabi is already the main language; type another, or none.")
                .contains("Punjabi: text and buttons only (no speech model exists); Hearth still speaks to them.")
                .contains("English: spoken requests, once its speech model is installed (sudo hearth models install --lang en).")
                .contains("a second person speaks English (en)");
        assertThat(PlanYaml.render(plan)).contains("  languages: [pa, en]\n").doesNotContain("  language: ");
    }

    @Test
    void provisioning_a_two_language_home_again_offers_its_second_language() {
        HomePlan start = HomePlan.defaults();
        start.language = "hi";
        start.secondLanguage = "en";
        List<String> script = defaultsWith(List.of("", "", ""), SKIP_BINS, List.of(""), ONE_CORD);
        script.add("save");
        ScriptedConsole console = new ScriptedConsole(script);

        HomePlan plan = run(console, start).orElseThrow();

        assertThat(plan.languages()).containsExactly("hi", "en");
        assertThat(console.transcript()).contains("Type it, or none. [en]")
                .contains("Hindi: spoken requests, once its speech model is installed (sudo hearth models install --lang hi --from");
        start.secondLanguage = null;
        assertThat(PlanYaml.render(start)).contains("  language: hi\n");
    }

    @Test
    void a_pin_already_in_use_is_refused_and_asked_again() {
        List<String> sensors = List.of("", "", "", "", "add", "1", "", "26", "4", "");   // a PIR on the cord's pin 26, then 4
        List<String> script = defaultsWith(ENTER_3, SKIP_BINS, List.of(""), sensors);
        script.add("save");
        ScriptedConsole console = new ScriptedConsole(script);

        HomePlan plan = run(console, HomePlan.defaults()).orElseThrow();

        assertThat(console.transcript()).contains("Sorry: pin 26 is already used by the pull cord in the bathroom (cord-bathroom)");
        assertThat(plan.sensors).extracting(SensorSpec::pin).containsExactly(26, 4);
        assertThat(plan.sensors.get(1).id()).isEqualTo("pir-kitchen");
    }

    @Test
    void with_i2c_sensors_the_bus_pins_are_not_offered_and_refused() {
        HomePlan start = HomePlan.defaults();
        start.i2c = new HearthConfig.I2c(List.of(), List.of(ClimateSensorSpec.standard("climate-living", "living room", ClimateChip.BME280)));
        // "add": the climate sensor is listed in section 4 too, so Enter there means "done"
        List<String> sensors = List.of("add", "", "", "2", "3", "27", "");
        List<String> script = defaultsWith(ENTER_3, SKIP_BINS, List.of(""), sensors);
        script.add("save");
        ScriptedConsole console = new ScriptedConsole(script);

        HomePlan plan = run(console, start).orElseThrow();

        assertThat(console.transcript()).contains("Free pins (BCM numbers): 4, 5,").doesNotContain("Free pins (BCM numbers): 2")
                .contains("Sorry: pin 2 is the I2C bus (SDA)").contains("Sorry: pin 3 is the I2C bus (SCL)");
        assertThat(plan.sensors).extracting(SensorSpec::pin).containsExactly(27);
    }

    @Test
    void with_a_radar_on_the_pis_serial_pins_those_pins_are_refused_and_a_radar_is_refused_while_a_sensor_holds_them() {
        HomePlan start = HomePlan.defaults();
        start.radars.add(org.hearth.sensors.RadarSpec.standard("radar-living", "living room", "/dev/serial0"));
        start.sensors.add(new SensorSpec("cord-bathroom", "bathroom", SensorKind.PULL_CORD, 26, org.hearth.sensors.Pull.UP, true,
                Duration.ofMillis(20), Duration.ofDays(30)));
        // a help button: pins 14 and 15 refused, 23 taken; remove the radar (listed after the pin sensors), put the
        // "I'm fine" button on 14, then try a radar on /dev/serial0 again
        List<String> sensors = List.of("add", "5", "", "14", "15", "23",
                "3", "add", "6", "", "14",
                "add", "12", "", "/dev/serial0", "done");
        List<String> script = defaultsWith(ENTER_3, SKIP_BINS, List.of(""), sensors);
        script.add("save");
        ScriptedConsole console = new ScriptedConsole(script);

        HomePlan plan = run(console, start).orElseThrow();

        assertThat(console.transcript()).contains("(14 and 15 are the radar's serial port)")
                .contains("Sorry: pin 14 is the serial port (TXD), which the presence radar uses; choose another.")
                .contains("Sorry: pin 15 is the serial port (RXD), which the presence radar uses; choose another.")
                .contains("Removed the presence radar (Seeed MR24HPC1, on a serial port) in the living room, on /dev/serial0")
                .contains("Sorry: the \"I'm fine\" button in the living room is on pin 14, which the serial port on /dev/serial0"
                        + " needs (pins 14 and 15); move it to another pin first, or use a USB adapter (/dev/ttyUSB0).");
        assertThat(plan.radars).isEmpty();
        assertThat(plan.sensors).extracting(SensorSpec::pin).containsExactly(26, 23, 14);
    }

    @Test
    void the_kinds_of_sensor_not_on_a_pin_are_chosen_by_number_or_name_and_their_addresses_checked() {
        assertThat(Checks.fitting("9").value()).isEqualTo(Fitting.Device.ACCELEROMETER);
        assertThat(Checks.fitting("radar").value()).isEqualTo(Fitting.Device.RADAR);
        assertThat(Checks.fitting("pull cord").value()).isEqualTo(new Fitting.Pin(SensorKind.PULL_CORD));
        assertThat(Checks.fitting("13").value()).isEqualTo(Fitting.Device.PENDANT);
        assertThat(Checks.fitting("pendant").value()).isEqualTo(Fitting.Device.PENDANT);
        assertThat(Checks.fitting("14").problem()).isEqualTo("type a number from 1 to 13");
        HomePlan plan = HomePlan.defaults();
        plan.i2c = new HearthConfig.I2c(List.of(), List.of(ClimateSensorSpec.standard("climate-living", "living room", ClimateChip.BME280)));
        assertThat(Checks.i2cAddress("0x77", ClimateChip.BME280.addresses(), plan).value()).isEqualTo(0x77);
        assertThat(Checks.i2cAddress("76", ClimateChip.BME280.addresses(), plan).problem())
                .isEqualTo("another sensor is already at 0x76; wire this one's address pin the other way");
        assertThat(Checks.i2cAddress("0x53", ClimateChip.BME280.addresses(), plan).problem())
                .isEqualTo("this chip answers at 0x76 or 0x77 (set by how its address pin is wired)");
        assertThat(Checks.serialDevice("COM3", List.of()).problem()).contains("such as /dev/serial0");
    }

    @Test
    void an_address_in_the_pack_sets_the_bin_day_round_and_library() {
        List<String> address = List.of("", "23 Tenterfold Gdns, LE4 6AB", "", "");   // council, address, "right?", library
        List<String> script = defaultsWith(ENTER_3, address, List.of(""), ONE_CORD);
        script.add("save");
        ScriptedConsole console = new ScriptedConsole(script);

        HomePlan plan = run(console, HomePlan.defaults()).orElseThrow();

        assertThat(console.transcript()).contains("Found Tenterfold Gardens, LE4 6: bins on Friday, round B.");
        assertThat(plan.binDay).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(plan.binRound).isEqualTo("B");
        assertThat(plan.library).isEqualTo("Highfields Library");
    }

    @Test
    void an_unknown_address_is_said_plainly_and_the_day_and_round_can_be_typed_by_hand() {
        List<String> address = List.of("", "4 Nowhere Lane, LE9 1ZZ", "hand", "thu", "C", "b", "");
        List<String> script = defaultsWith(ENTER_3, address, List.of(""), ONE_CORD);
        script.add("save");
        ScriptedConsole console = new ScriptedConsole(script);

        HomePlan plan = run(console, HomePlan.defaults()).orElseThrow();

        assertThat(console.transcript()).contains("That address is not in Leicester City Council's list.")
                .contains("Sorry: type one of A, B.");
        assertThat(plan.binDay).isEqualTo(DayOfWeek.THURSDAY);
        assertThat(plan.binRound).isEqualTo("B");
    }

    /** A checked pack holds no street list: the day is typed from the council's letter, and a single round is taken. */
    @Test
    void a_council_without_a_street_list_asks_for_the_day_alone() {
        List<String> bins = List.of("", "someday", "thu", "");   // council, a wrong day, the day, library
        List<String> script = defaultsWith(ENTER_3, bins, List.of(""), ONE_CORD);
        script.add("save");
        ScriptedConsole console = new ScriptedConsole(script);

        HomePlan plan = new ProvisionFlow(console, HomePlan.defaults(), name -> Checked.ok(CouncilPack.builtIn("leicester")),
                HardwareCheck.onThisMachine()).run()
                .orElseThrow();

        assertThat(console.transcript()).doesNotContain("street and postcode").contains("Which day are the bins collected?")
                .contains("Sorry:");
        assertThat(plan.binDay).isEqualTo(DayOfWeek.THURSDAY);
        assertThat(plan.binRound).isEqualTo("weekly");
    }

    @Test
    void an_unknown_address_can_be_skipped() {
        List<String> address = List.of("", "4 Nowhere Lane", "skip", "");
        List<String> script = defaultsWith(ENTER_3, address, List.of(""), ONE_CORD);
        script.add("save");

        HomePlan plan = run(new ScriptedConsole(script), HomePlan.defaults()).orElseThrow();

        assertThat(plan.binDay).isNull();
        assertThat(plan.binRound).isNull();
    }

    @Test
    void an_impossible_time_is_refused_and_asked_again() {
        List<String> script = defaultsWith(ENTER_3, SKIP_BINS, List.of("25:00-07:00", "22:00-22:00", "23:30-6:45"), ONE_CORD);
        script.add("save");
        ScriptedConsole console = new ScriptedConsole(script);

        HomePlan plan = run(console, HomePlan.defaults()).orElseThrow();

        assertThat(console.transcript()).contains("Sorry: write it from one time to another, like 22:00-07:00.")
                .contains("Sorry: the quiet hours must start and end at different times.");
        assertThat(plan.quietFrom).isEqualTo(LocalTime.of(23, 30));
        assertThat(plan.quietTo).isEqualTo(LocalTime.of(6, 45));
    }

    @Test
    void it_will_not_save_without_a_carer_and_says_which_section_to_fix() {
        List<String> script = new ArrayList<>();
        script.addAll(ENTER_3);
        script.addAll(SKIP_BINS);
        script.add("");
        script.addAll(ONE_CORD);
        script.add("done");                                   // no carer
        script.addAll(List.of("", "", "", "", "", "", ""));
        script.addAll(List.of("save", "5", "add", "Helpline", "", "192.168.1.99", "", "save"));
        ScriptedConsole console = new ScriptedConsole(script);

        HomePlan plan = run(console, HomePlan.defaults()).orElseThrow();

        assertThat(console.transcript()).contains("It cannot be saved yet:").contains("add at least one carer (section 5)");
        assertThat(plan.carers).extracting(HomePlan.Carer::name).containsExactly("Helpline");
    }

    @Test
    void when_the_answers_end_before_save_nothing_is_decided() {
        ScriptedConsole console = new ScriptedConsole(List.of("Flat 3", "en"));
        assertThat(run(console, HomePlan.defaults())).isEmpty();
        assertThat(console.transcript()).contains("Nothing was saved.");
    }

    private static Optional<HomePlan> run(ScriptedConsole console, HomePlan start) {
        return new ProvisionFlow(console, start, name -> name.equals("leicester") ? Checked.ok(LEICESTER)
                : Checked.no("no built-in council pack '" + name + "'"), HardwareCheck.onThisMachine()).run();
    }
}
