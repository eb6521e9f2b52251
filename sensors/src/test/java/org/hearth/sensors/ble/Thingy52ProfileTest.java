package org.hearth.sensors.ble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.hearth.sensors.AccelSample;
import org.hearth.sensors.PendantSpec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The Thingy:52's values byte by byte, as Nordic's firmware documentation lays them out. */
@Tag("small")
class Thingy52ProfileTest {

    private final Thingy52Profile thingy = new Thingy52Profile();

    @Test
    void raw_data_is_little_endian_6q10_g_and_the_gyroscope_and_compass_are_ignored() throws Exception {
        // x = 0xFFFA (-6), y = 0xFFF4 (-12), z = 0x03F6 (1014): the Thingy on a table, as quoted on Nordic's DevZone.
        byte[] value = HexFormat.of().parseHex("faff" + "f4ff" + "f603" + "0100020003000400050006ff");

        assertThat(thingy.samples(value, 1_000, 20_000)).singleElement().isEqualTo(
                new AccelSample(1_000, -6 / 1024.0, -12 / 1024.0, 1014 / 1024.0));
        assertThat(thingy.samples(Thingy52Profile.rawData(-31.9, 2, 0.5), 0, 20_000).get(0))
                .extracting(AccelSample::x, AccelSample::y, AccelSample::z).containsExactly(-32666 / 1024.0, 2.0, 0.5);
    }

    @Test
    void a_value_of_the_wrong_length_or_a_button_byte_not_0_or_1_is_refused_with_what_was_wrong() {
        assertThatThrownBy(() -> thingy.samples(new byte[17], 0, 20_000)).isInstanceOf(MalformedValueException.class)
                .hasMessage("a Thingy:52 raw data notification has 18 bytes, this one 17");
        assertThatThrownBy(() -> thingy.pressed(new byte[] {1, 0})).isInstanceOf(MalformedValueException.class)
                .hasMessage("a Thingy:52 button notification is one byte, 0 or 1; this one is 01 00");
        assertThatThrownBy(() -> thingy.pressed(new byte[0])).hasMessageEndingWith("this one is empty");
    }

    @Test
    void set_up_writes_50_hz_into_the_motion_configuration_and_keeps_the_rest() throws Exception {
        Map<String, byte[]> gatt = new HashMap<>(Map.of(Thingy52Profile.MOTION_CONFIG, HexFormat.of().parseHex("c800f401f4010a0001")));
        PendantProfile.Gatt fake = new PendantProfile.Gatt() {
            @Override
            public byte[] read(String uuid) {
                return gatt.get(uuid).clone();
            }

            @Override
            public void write(String uuid, byte[] value) {
                gatt.put(uuid, value);
            }
        };

        thingy.setUp(fake);

        assertThat(HexFormat.of().formatHex(gatt.get(Thingy52Profile.MOTION_CONFIG))).isEqualTo("c800f401f401320001");
    }

    @Test
    void every_profile_name_the_config_accepts_has_a_profile() {
        for (String name : PendantSpec.PROFILES) {
            assertThat(PendantProfile.named(name).name()).isEqualTo(name);
        }
        assertThat(Thingy52Profile.RAW_DATA).isEqualTo("ef680406-9b35-4933-9b10-52ffa9740042");
    }
}
