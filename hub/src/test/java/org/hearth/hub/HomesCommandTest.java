package org.hearth.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.hub.HubCli.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.hearth.hub.store.Home;
import org.hearth.hub.store.HubStore;
import org.hearth.hub.store.JdbcHubStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hearth-hub homes add|set --phone}: the resident's number, on a real SQLite store, as an administrator sets it. */
@Tag("medium")
class HomesCommandTest {

    @TempDir
    Path dir;

    @Test
    void the_residents_phone_is_set_when_adding_changed_and_removed_and_a_wrong_one_is_refused_with_exit_2_and_changes_nothing()
            throws Exception {
        Path config = dir.resolve("hub.yaml");
        Files.writeString(config, "storage:\n  data_dir: " + dir.resolve("data") + "\n");
        String file = config.toString();

        HubCli wrong = cli("homes", "add", "--label", "Flat 12", "--phone", "07700 900123", "--no-qr", "--config", file);
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.err()).isEqualTo("hearth-hub: --phone 07700 900123: a phone number must be in international form: + then the"
                + " country code and number, 8 to 15 digits, spaces allowed (e.g. +44 7700 900123)\n");
        assertThat(homes()).as("nothing added").isEmpty();

        HubCli added = cli("homes", "add", "--label", "Flat 12", "--phone", "+44 7700 900123", "--no-qr", "--config", file);
        assertThat(added.exit()).as(added.err()).isZero();
        assertThat(added.out()).contains("The resident's phone: +447700900123.");
        Home home = homes().get(0);
        assertThat(home.phone()).contains("+447700900123");

        assertThat(cli("homes", "set", home.id(), "--phone", "+1 212 555 0100", "--config", file).out())
                .isEqualTo("The resident's phone at home " + home.id() + " is now +12125550100.\n");
        HubCli letters = cli("homes", "set", home.id(), "--phone", "+44 7700 9OO123", "--config", file);
        assertThat(letters.exit()).isEqualTo(2);
        assertThat(letters.err()).contains("international form");
        assertThat(homes().get(0).phone()).as("unchanged by a refused number").contains("+12125550100");
        assertThat(cli("homes", "set", "nosuchid", "--phone", "+12125550100", "--config", file).exit()).isEqualTo(1);
        assertThat(cli("homes", "set", home.id(), "--phone", "", "--config", file).out()).isEqualTo("Home " + home.id() + " has no phone number now.\n");
        assertThat(homes().get(0).phone()).isEqualTo(Optional.empty());
    }

    private java.util.List<Home> homes() {
        try (HubStore store = JdbcHubStore.sqlite(dir.resolve("data/hub.db"))) {
            return store.homes();
        }
    }
}
