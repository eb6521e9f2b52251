package org.hearth.gateway.app.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hearth.gateway.app.Hearth;
import org.hearth.gateway.app.config.ConfigException;
import org.hearth.gateway.app.config.ConfigLoader;
import org.hearth.gateway.app.config.HearthConfig;
import org.hearth.gateway.app.config.Secrets;
import org.hearth.sensors.SensorKind;
import org.hearth.sensors.SensorSpec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hearth provision --answers FILE} on real files, checked by the real ConfigLoader. */
@Tag("medium")
class ProvisionAnswersTest {

    private static final URI GATEWAY = URI.create("coaps://192.168.1.20:5684");
    private static final Path EXAMPLE = Path.of(System.getProperty("hearth.project.root"), "config", "provision.example.yaml");

    @TempDir
    Path dir;

    @Test
    void the_documented_example_answers_make_a_config_hearth_loads_with_keys_in_a_0600_secrets_file() throws Exception {
        Path config = dir.resolve("hearth.yaml");
        ScriptedConsole out = new ScriptedConsole(List.of());

        int exit = new Provisioning(config, GATEWAY, out).fromAnswers(EXAMPLE);

        assertThat(exit).as(out.transcript()).isZero();
        ConfigLoader.Loaded loaded = ConfigLoader.load(config);
        HearthConfig c = loaded.config();
        assertThat(loaded.warnings()).isEmpty();
        assertThat(c.home().label()).isEqualTo("Flat 12");
        assertThat(c.council().binDay()).isEqualTo(DayOfWeek.TUESDAY);
        assertThat(c.council().binRound()).isEqualTo("weekly");
        assertThat(c.council().library()).isEqualTo("Central Library");
        assertThat(c.sensors()).extracting(SensorSpec::id)
                .containsExactly("cord-bathroom", "pir-kitchen", "door-hall", "help-living-room", "cancel-living-room");
        assertThat(c.sensors().get(1).kind()).isEqualTo(SensorKind.PIR);
        assertThat(c.sensors().get(1).activeLow()).isFalse();
        assertThat(c.carers()).extracting(HearthConfig.CarerEntry::endpoint)
                .containsExactly(URI.create("coaps://192.168.1.30:5684"), URI.create("coaps://192.168.1.99:5684"));
        assertThat(c.alerts().preAlarm()).isEqualTo(Duration.ofSeconds(30));
        assertThat(loaded.secrets().forCarer("Priya")).isPresent();
        assertThat(loaded.secrets().forCarer("Helpline")).isPresent();
        assertThat(Files.getPosixFilePermissions(dir.resolve("secrets.yaml")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(out.transcript()).contains("Pair Priya's device").contains("Pair Helpline's device")
                .contains("sudo hearth test-alert --config " + config.toAbsolutePath());
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void bad_answers_are_all_listed_exit_2_and_nothing_is_written() throws Exception {
        Path answers = dir.resolve("answers.yaml");
        Files.writeString(answers, """
                resident: {label: "", language: fr, second_language: klingon}
                address: "1 Nowhere Lane, LE9 1ZZ"
                quiet_hours: "25:00-07:00"
                sensors:
                  - {kind: pull_cord, room: bathroom, pin: 17}
                  - {kind: pir, room: kitchen, pin: 17}
                  - {kind: lamp, room: hall, pin: 40}
                carers:
                  - {name: Priya, endpoint: "http://example"}
                thresholds: {pre_alarm: 2s, temprature_low_c: 10}
                """);
        Path config = dir.resolve("hearth.yaml");
        ScriptedConsole out = new ScriptedConsole(List.of());

        int exit = new Provisioning(config, GATEWAY, out).fromAnswers(answers);

        assertThat(exit).isEqualTo(2);
        assertThat(out.transcript()).contains("nothing was written")
                .contains("resident.label: please type a first name")
                .contains("resident.language: Hearth speaks")
                .contains("resident.second_language: Hearth speaks")
                .contains("address: \"1 Nowhere Lane, LE9 1ZZ\" is not in Leicester City Council's list")
                .contains("quiet_hours: write it from one time to another")
                .contains("sensors[1].pin: pin 17 is already used by the pull cord in the bathroom")
                .contains("sensors[2].kind: type the number")
                .contains("sensors[2].pin: pins are numbered 2 to 27")
                .contains("carers[0].endpoint: write it like 192.168.1.30")
                .contains("thresholds.pre_alarm: choose between 10s and 5m")
                .contains("thresholds.temprature_low_c: unknown answer");
        Files.writeString(answers, "resident: {label: Flat 3}\n");
        ScriptedConsole second = new ScriptedConsole(List.of());
        assertThat(new Provisioning(config, GATEWAY, second).fromAnswers(answers)).isEqualTo(2);
        assertThat(second.transcript()).contains("carers: add at least one carer");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("answers.yaml");
        }
    }

    @Test
    void provisioning_again_starts_from_the_home_as_it_is_and_keeps_a_paired_carers_key() throws Exception {
        Path config = dir.resolve("hearth.yaml");
        assertThat(new Provisioning(config, GATEWAY, new ScriptedConsole(List.of())).fromAnswers(EXAMPLE)).isZero();
        Secrets.CarerKey priya = ConfigLoader.load(config).secrets().forCarer("Priya").orElseThrow();
        Path answers = dir.resolve("again.yaml");
        Files.writeString(answers, """
                quiet_hours: "23:00-08:00"
                carers:
                  - {name: Priya, level: 1, endpoint: 192.168.1.30}
                  - {name: Tom, level: 2, endpoint: 192.168.1.31}
                """);
        ScriptedConsole out = new ScriptedConsole(List.of());

        assertThat(new Provisioning(config, GATEWAY, out).fromAnswers(answers)).as(out.transcript()).isZero();

        ConfigLoader.Loaded loaded = ConfigLoader.load(config);
        assertThat(loaded.config().home().label()).isEqualTo("Flat 12");
        assertThat(loaded.config().sensors()).hasSize(5);
        assertThat(loaded.config().detection().nightStart()).hasToString("23:00");
        assertThat(loaded.secrets().forCarer("Priya")).contains(priya);
        assertThat(loaded.secrets().forCarer("Tom")).isPresent();
        assertThat(loaded.secrets().forCarer("Helpline")).as("removed from the ladder, so revoked").isEmpty();
        assertThat(out.transcript()).contains("Pair Tom's device").doesNotContain("Pair Priya's device")
                .contains("The keys of Helpline were removed");
    }

    /** The wizard does not ask who lives here; provisioning again must not lose the household or whose wearable is whose. */
    @Test
    void provisioning_again_keeps_the_household_and_the_wearer_of_each_wearable() throws Exception {
        Path config = dir.resolve("hearth.yaml");
        assertThat(new Provisioning(config, GATEWAY, new ScriptedConsole(List.of())).fromAnswers(EXAMPLE)).isZero();
        Files.writeString(config, Files.readString(config).replace("home:\n", "home:\n  residents: 2\n  resident_names: \"Mum, Dad\"\n")
                + "\ni2c:\n  bus: 1\n  accelerometers:\n    - {id: \"wrist\", room: \"bedroom\", address: 0x53, rate_hz: 100,"
                + " resident: \"Dad\"}\n  climate: []\n");
        HearthConfig.Household before = ConfigLoader.load(config).config().home().household();
        assertThat(before).isEqualTo(new HearthConfig.Household(2, List.of("Mum", "Dad"), Map.of("wrist", "Dad")));
        Path answers = dir.resolve("again.yaml");
        Files.writeString(answers, "quiet_hours: \"23:00-08:00\"\n");
        ScriptedConsole out = new ScriptedConsole(List.of());

        assertThat(new Provisioning(config, GATEWAY, out).fromAnswers(answers)).as(out.transcript()).isZero();

        assertThat(ConfigLoader.load(config).config().home().household()).isEqualTo(before);
    }

    /** The wizard does not ask about the care hub; provisioning again must not lose it. */
    @Test
    void provisioning_again_keeps_the_care_hub_its_carers_its_key_and_the_voice_settings() throws Exception {
        Path config = dir.resolve("hearth.yaml");
        assertThat(new Provisioning(config, GATEWAY, new ScriptedConsole(List.of())).fromAnswers(EXAMPLE)).isZero();
        byte[] hubKey = new byte[16];
        hubKey[0] = 7;
        org.hearth.gateway.app.config.SecretsFile.putHub(dir.resolve("secrets.yaml"), new Secrets.HubKey(hubKey));
        assertThat(org.hearth.gateway.app.config.LadderFile.appendHub(config, URI.create("coaps://hub.example.org:5684"),
                "home-k3x9q2mf")).isTrue();
        Files.writeString(config, Files.readString(config)
                .replace("  - {name: \"Helpline\"", "  - {name: \"Tom\", level: 2, via: hub}\n  - {name: \"Helpline\"")
                .replace("  end_of_speech: 700ms", "  end_of_speech: 1200ms"));
        HearthConfig before = ConfigLoader.load(config).config();
        assertThat(before.carers()).extracting(HearthConfig.CarerEntry::name).contains("Tom");
        assertThat(before.voice().endOfSpeech()).isEqualTo(Duration.ofMillis(1200));
        Path answers = dir.resolve("again.yaml");
        Files.writeString(answers, "quiet_hours: \"23:00-08:00\"\n");
        ScriptedConsole out = new ScriptedConsole(List.of());

        assertThat(new Provisioning(config, GATEWAY, out).fromAnswers(answers)).as(out.transcript()).isZero();

        ConfigLoader.Loaded loaded = ConfigLoader.load(config);
        assertThat(loaded.config().hubUplink()).isEqualTo(before.hubUplink()).isPresent();
        assertThat(loaded.config().carers()).filteredOn(HearthConfig.CarerEntry::viaHub)
                .containsExactly(new HearthConfig.CarerEntry("Tom", 2, null, true));
        assertThat(loaded.secrets().hubKey()).hasValueSatisfying(k -> assertThat(k.key()).isEqualTo(hubKey));
        assertThat(loaded.config().voice().endOfSpeech()).isEqualTo(Duration.ofMillis(1200));
        assertThat(out.transcript()).contains("kept as they are");
    }

    @Test
    void settings_hearth_refuses_leave_the_old_files_exactly_as_they_were() throws Exception {
        Path config = dir.resolve("hearth.yaml");
        assertThat(new Provisioning(config, GATEWAY, new ScriptedConsole(List.of())).fromAnswers(EXAMPLE)).isZero();
        String oldConfig = Files.readString(config);
        String oldSecrets = Files.readString(dir.resolve("secrets.yaml"));
        HomePlan plan = HomePlan.from(ConfigLoader.loadWithoutSecrets(config), config, java.util.Set.of());
        plan.council = "atlantis";

        try {
            ProvisionFiles.save(plan, config, Map.of("Priya", new Secrets.CarerKey("priya-1", new byte[16])));
            throw new AssertionError("saved a config naming a council pack that does not exist");
        } catch (ConfigException e) {
            assertThat(e.errors()).anyMatch(l -> l.startsWith("home.council: ") && l.contains("atlantis"))
                    .anyMatch(l -> l.startsWith("carers[1].name: no key for \"Helpline\""));
        }
        assertThat(Files.readString(config)).isEqualTo(oldConfig);
        assertThat(Files.readString(dir.resolve("secrets.yaml"))).isEqualTo(oldSecrets);
        assertThat(leftovers()).isEmpty();
    }

    private List<String> leftovers() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
        }
    }
}
