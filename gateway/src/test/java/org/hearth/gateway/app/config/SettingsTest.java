package org.hearth.gateway.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hearth.gateway.domain.activity.ActivityParameters;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The table is sound, and the shipped examples use only keys it defines and documents. */
@Tag("small")
class SettingsTest {

    private static final Path CONFIG = Path.of(System.getProperty("hearth.project.root"), "config");

    @Test
    void every_setting_is_documented_and_its_default_lies_within_its_bounds() {
        for (Setting<?> s : Settings.all()) {
            assertThat(s.doc()).as(s.key()).isNotBlank().doesNotContain("\n");
            Object def = s.defaultValue();
            if (def != null && s.kind() == Setting.Kind.CHOICE) {
                assertThat(s.choices()).as(s.key()).contains((String) def);
            }
            if (def instanceof Comparable<?> && s.min() != null && s.max() != null) {
                assertThat(within(def, s.min(), s.max())).as(s.key() + " default " + s.show(def)).isTrue();
            }
            assertThat(s.required() && def != null).as(s.key() + " is required and has a default").isFalse();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static boolean within(Object v, Object min, Object max) {
        return ((Comparable) v).compareTo(min) >= 0 && ((Comparable) v).compareTo(max) <= 0;
    }

    @Test
    void the_detection_defaults_are_the_detectors_own() {
        ActivityParameters std = ActivityParameters.defaults();
        assertThat(Settings.DETECTION_BATHROOM_MAX.defaultValue()).isEqualTo(std.occupied().get(0).limit());
        assertThat(Settings.DETECTION_KITCHEN_MOTION_BY.defaultValue()).isEqualTo(std.noMotionBy().get(0).by());
        assertThat(Settings.DETECTION_TEMPERATURE_LOW.defaultValue()).isEqualTo(std.environment().lowC());
        assertThat(Settings.DETECTION_TEMPERATURE_HIGH.defaultValue()).isEqualTo(std.environment().highC());
        assertThat(Settings.HOME_QUIET_HOURS.defaultValue()).isEqualTo(std.rooms().nightStart() + "-" + std.rooms().nightEnd());
        assertThat(Settings.ALERTS_PRE_ALARM.range()).isEqualTo("10s to 5m");
        assertThat(Settings.SENSOR_DEBOUNCE.defaultValue()).isEqualTo(Duration.ofMillis(20));
    }

    @Test
    void every_key_of_the_example_config_is_in_the_table() throws Exception {
        assertThat(unknownKeys(CONFIG.resolve("hearth.example.yaml"), "")).isEmpty();
    }

    @Test
    void every_key_of_the_example_secrets_is_in_the_table() throws Exception {
        assertThat(unknownKeys(CONFIG.resolve("secrets.example.yaml"), "secrets")).isEmpty();
    }

    @Test
    void a_key_the_table_does_not_know_is_found(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("hearth.yaml"), "alerts: {pre_alarm: 30s, pre_alarrm: 20s}\n"
                + "sensors:\n  - {id: a, colour: red}\nsecrets_file: s.yaml\n");
        Path secrets = Files.writeString(dir.resolve("s.yaml"), "carers:\n  Priya: {identity: p, key: k, pin: 1}\n");
        assertThat(unknownKeys(file, "")).containsExactly("alerts.pre_alarrm", "sensors[].colour");
        assertThat(unknownKeys(secrets, "secrets")).containsExactly("secrets.carers.NAME.pin");
    }

    /** The table keys of every mapping key in the file that the table does not define. */
    private static List<String> unknownKeys(Path file, String root) throws Exception {
        JsonNode tree = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        List<String> unknown = new ArrayList<>();
        walk(tree, root, unknown);
        return unknown;
    }

    private static void walk(JsonNode node, String key, List<String> unknown) {
        if (node.isArray()) {
            node.forEach(item -> walk(item, key + "[]", unknown));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        node.fieldNames().forEachRemaining(name -> {
            if (key.equals("secrets.carers")) { // each named by the carer: secrets.carers.NAME
                walk(node.get(name), key + ".NAME", unknown);
                return;
            }
            String child = key.isEmpty() ? name : key + "." + name;
            if (Settings.byKey(child).isEmpty()) {
                unknown.add(child);
            } else {
                walk(node.get(name), child, unknown);
            }
        });
    }
}
