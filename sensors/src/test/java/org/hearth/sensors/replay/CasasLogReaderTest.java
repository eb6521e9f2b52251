package org.hearth.sensors.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.hearth.sensors.SensorEvent;
import org.hearth.sensors.SensorKind;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("small")
class CasasLogReaderTest {

    private final CasasLogReader cil = new CasasLogReader(CasasLogFormat.CIL, ZoneOffset.UTC);
    private final CasasLogReader classic = new CasasLogReader(CasasLogFormat.CASAS, ZoneOffset.UTC);

    @Test
    void a_cil_log_becomes_events_in_time_order_with_rooms_and_kinds() throws Exception {
        CasasLog log = cil.read(fixture("cil-small.txt"));

        assertThat(log.events()).extracting(SensorEvent::sensorId).containsExactly(
                "BedroomABed", "BedroomABed", "KitchenASink", "KitchenASink", "HallwayA", "MainEntryway", "MainEntryway");
        assertThat(log.events().get(0)).isEqualTo(new SensorEvent("BedroomABed", "bedroom", SensorKind.PRESSURE_MAT, true,
                Instant.parse("2021-03-01T07:00:01.25Z")));
        assertThat(log.events().get(5).room()).isEqualTo("entry");
        assertThat(log.events().get(5).kind()).isEqualTo(SensorKind.CONTACT);
    }

    @Test
    void malformed_lines_are_counted_with_their_line_numbers_and_the_rest_is_read() throws Exception {
        CasasLog log = cil.read(fixture("cil-small.txt"));

        assertThat(log.problems()).extracting(CasasLogProblem::line).containsExactly(6, 7, 8, 9);
        assertThat(log.problems()).extracting(CasasLogProblem::reason).containsExactly(
                "bad timestamp '2021-03-01 07:0x:00'",
                "expected timestamp, sensor and state, found 2 field(s)",
                "unknown state 'HALF'",
                "no tab-separated fields");
        assertThat(log.ignored()).as("the blank line").isEqualTo(1);
        assertThat(log.reordered()).as("HallwayA is a second earlier than the line before it").isEqualTo(1);
        assertThat(log.problemSummary(2)).startsWith("4 lines not read: line 6: bad timestamp")
                .endsWith("; and 2 more");
    }

    @Test
    void a_classic_casas_log_keeps_doors_and_motion_and_skips_temperature_readings() throws Exception {
        CasasLog log = classic.read(fixture("casas-classic.txt"));

        assertThat(log.events()).extracting(e -> e.sensorId() + ":" + e.room() + ":" + e.kind() + ":" + e.active())
                .containsExactly("M003:M003:PIR:true", "M003:M003:PIR:false", "D001:entry:CONTACT:true",
                        "D001:entry:CONTACT:false");
        assertThat(log.ignored()).as("T002 21.5 is a reading, not an event").isEqualTo(1);
        assertThat(log.problems()).extracting(CasasLogProblem::line).containsExactly(6);
    }

    @Test
    void the_layout_that_names_the_area_and_the_sensor_is_read_with_the_area_as_the_room() throws Exception {
        CasasLog log = classic.read(new StringReader("""
                2011-06-15 00:06:32.834414 Bedroom M021 ON Sleep
                2011-06-15 00:06:40 Bedroom M021 OFF Sleep
                2011-06-15 08:01:12.5 FrontDoor D001 OPEN Leave_Home
                2011-06-15 08:01:14 FrontDoor D001 CLOSE Leave_Home
                2011-06-15 08:02:00 Kitchen T101 21.5 Other_Activity
                2011-06-15 09:00:00 LivingRoom M004 ON
                """), "area-sensor.txt");

        assertThat(log.events()).extracting(e -> e.sensorId() + ":" + e.room() + ":" + e.kind() + ":" + e.active())
                .containsExactly("M021:bedroom:PIR:true", "M021:bedroom:PIR:false", "D001:entry:CONTACT:true",
                        "D001:entry:CONTACT:false", "M004:living room:PIR:true");
        assertThat(log.events().get(2).at()).isEqualTo(Instant.parse("2011-06-15T08:01:12.5Z"));
        assertThat(log.ignored()).as("the temperature reading").isEqualTo(1);
        assertThat(log.problems()).isEmpty();
    }

    @Test
    void the_sensor_is_the_name_that_looks_like_an_id_whichever_comes_first() throws Exception {
        CasasLog log = classic.read(new StringReader("2011-06-15 00:06:32 M021 BedroomAArea ON\n"
                + "2011-06-15 00:06:33 M022 Ignore OFF\n"), "id-first.txt");

        assertThat(log.events()).extracting(e -> e.sensorId() + ":" + e.room()).containsExactly("M021:bedroom", "M022:M022");
    }

    @Test
    void the_casas_format_also_reads_the_cil_tab_layout_and_times_without_fractions() throws Exception {
        CasasLog log = classic.read(new StringReader("2016-07-12 00:00:30.600670\tBedroomABed\tON\t\n"
                + "2016-07-12 00:00:31\tBedroomABed\tOFF\t\n"), "cil-as-casas.txt");

        assertThat(log.events()).extracting(e -> e.room() + ":" + e.kind() + ":" + e.active())
                .containsExactly("bedroom:PRESSURE_MAT:true", "bedroom:PRESSURE_MAT:false");
    }

    @Test
    void a_line_in_another_layout_than_the_first_is_a_problem_naming_both_lines() throws Exception {
        CasasLog log = classic.read(new StringReader("""
                2010-11-04 00:03:50 M003 ON Sleeping begin
                2010-11-04 00:03:57 M003 OFF
                2010-11-04 00:04:10 Bedroom M003 ON
                2010-11-04 00:04:20 Bedroom Bed M003 ON
                2010-11-04 00:04:30 M003 OFF Sleeping end
                """), "mixed.txt");

        assertThat(log.events()).hasSize(3);
        assertThat(log.problems()).extracting(Object::toString).containsExactly(
                "line 3: a line of the layout 'date time area sensor state', but line 1 set the layout "
                        + "'date time sensor state' (\"2010-11-04 00:04:10 Bedroom M003 ON\")",
                "line 4: 3 names before the state 'ON'; expected a sensor, or an area and a sensor "
                        + "(\"2010-11-04 00:04:20 Bedroom Bed M003 ON\")");
    }

    @Test
    void a_file_in_no_casas_layout_is_refused_naming_the_first_line_with_its_text_escaped() {
        assertThatThrownBy(() -> classic.read(new StringReader("date\ttime caf\u00e9 sensor state\n"
                + "2010-11-04 00:03:50 M003 HALF\n"), "odd.txt"))
                .isInstanceOf(CasasLogFormatException.class)
                .hasMessage("odd.txt is not a casas event log (date time [area] sensor state [activity [begin|end]]): "
                        + "2 of 2 lines could not be read; first line 1: no state (ON, OFF, OPEN, CLOSE or a reading) "
                        + "after the date and time (\"date\\ttime caf\\u00e9 sensor state\")");
    }

    @Test
    void times_are_the_homes_wall_clock_in_the_zone_given() throws Exception {
        CasasLogReader inLondon = new CasasLogReader(CasasLogFormat.CIL, ZoneId.of("Europe/London"));

        CasasLog log = inLondon.read(new StringReader("2021-07-01 08:00:00\tKitchenASink\tON\t\n"), "summer");

        assertThat(log.first()).isEqualTo(Instant.parse("2021-07-01T07:00:00Z"));
    }

    @Test
    void windows_line_ends_and_a_byte_order_mark_are_read_as_plain_lines() throws Exception {
        CasasLog log = cil.read(new StringReader("\uFEFF2021-03-01 07:00:00\tKitchenASink\tON\t\r\n"
                + "2021-03-01 07:00:02\tKitchenASink\tOFF\t\r\n"), "windows.txt");

        assertThat(log.events()).hasSize(2);
        assertThat(log.problems()).isEmpty();
    }

    @Test
    void a_file_in_another_layout_is_refused_with_a_clear_message() {
        assertThatThrownBy(() -> cil.read(fixture("casas-classic.txt")))
                .isInstanceOf(CasasLogFormatException.class)
                .hasMessageContaining("is not a cil event log (timestamp<TAB>sensor<TAB>ON|OFF<TAB>)")
                .hasMessageContaining("6 of 6 lines could not be read")
                .hasMessageContaining("first line 1: no tab-separated fields");
        assertThatThrownBy(() -> classic.read(fixture("not-a-log.txt")))
                .isInstanceOf(CasasLogFormatException.class)
                .hasMessageContaining("is not a casas event log");
    }

    @Test
    void a_missing_file_is_refused_by_name() {
        Path missing = Path.of("no-such-dir", "events.txt");

        assertThatThrownBy(() -> cil.read(missing))
                .isInstanceOf(CasasLogFormatException.class)
                .hasMessage(missing + ": no such file");
    }

    @Test
    void a_binary_file_is_refused_not_crashed_on(@TempDir Path dir) throws IOException {
        Path binary = dir.resolve("events.bin");
        java.nio.file.Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, (byte) 0xc3, 0x28});

        assertThatThrownBy(() -> cil.read(binary)).isInstanceOf(CasasLogFormatException.class);
    }

    @Test
    void an_empty_file_is_refused() {
        assertThatThrownBy(() -> cil.read(new StringReader(""), "empty.txt"))
                .isInstanceOf(CasasLogFormatException.class)
                .hasMessageContaining("it holds no on/off events");
    }

    @Test
    void random_garbage_lines_never_crash_the_reader() throws Exception {
        java.util.Random random = new java.util.Random(42);
        StringBuilder text = new StringBuilder();
        String alphabet = "\t 0123456789:-.ONFabcXYZ\u00e9\u2603";
        for (int i = 0; i < 200; i++) {
            text.append(String.format("2021-03-01 07:%02d:%02d\tKitchenASink\tON\t%n", i / 60, i % 60));
            if (i % 2 == 0) {
                char[] junk = new char[random.nextInt(40)];
                for (int j = 0; j < junk.length; j++) {
                    junk[j] = alphabet.charAt(random.nextInt(alphabet.length()));
                }
                text.append(junk).append('\n');
            }
        }

        CasasLog log = cil.read(new StringReader(text.toString()), "fuzz");

        assertThat(log.events()).hasSize(200);
        assertThat(log.problems().size() + log.ignored()).isEqualTo(100);
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(CasasLogReaderTest.class.getResource(name).toURI());
    }
}
