package org.hearth.sensors.replay;

import static org.assertj.core.api.Assertions.assertThat;

import org.hearth.sensors.SensorKind;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("small")
class CasasLogNamingTest {

    @ParameterizedTest(name = "{0} is a {2} in the {1}")
    @CsvSource({
            "BedroomABed, bedroom, PRESSURE_MAT",
            "BedroomBBed, bedroom 2, PRESSURE_MAT",
            "BedroomAArea, bedroom, PIR",
            "BedroomADoor, bedroom, CONTACT",
            "KitchenASink, kitchen, PIR",
            "KitchenARefrigerator, kitchen, CONTACT",
            "KitchenADiningChair, kitchen, PRESSURE_MAT",
            "LivingRoomAChair, living room, PRESSURE_MAT",
            "LivingRoomAArea, living room, PIR",
            "DiningRoomAArea, dining room, PIR",
            "OfficeAChair, office, PRESSURE_MAT",
            "BathroomAToilet, bathroom, PIR",
            "BathroomBArea, bathroom 2, PIR",
            "HallwayA, hallway, PIR",
            "MainEntryway, entry, CONTACT",
            "EntrywayB, entry 2, CONTACT",
            "FrontDoor, entry, CONTACT",
            "BackDoor, entry, CONTACT",
            "Armchair, living room, PRESSURE_MAT",
            "Fridge, kitchen, CONTACT",
            "M003, M003, PIR",
            "D002, entry, CONTACT",
            "GarageArea, garage area, PIR",
    })
    void names_map_to_a_room_and_a_kind(String name, String room, SensorKind kind) {
        CasasLogSensor sensor = CasasLogNaming.sensor(name);

        assertThat(sensor.room()).isEqualTo(room);
        assertThat(sensor.kind()).isEqualTo(kind);
    }
}
