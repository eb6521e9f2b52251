package org.hearth.protocol;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything the carers' remote check shows, and nothing else: PUT {@code /v1/summary} on the hub
 * (docs/hub-api.md §2). No sensor events, no audio, no transcripts.
 *
 * @param v          protocol version
 * @param home       the home's label
 * @param at         when this summary was taken
 * @param rooms      per room, the last movement and the temperature, each null when unknown
 * @param resident   whether the resident is up, in bed or out, in the detectors' own words
 * @param sensors    every sensor's supervision status
 * @param openAlerts alerts not yet resolved
 * @param gateway    the gateway's version and when it started
 */
public record HomeSummary(int v, String home, Instant at, List<Room> rooms, Resident resident, List<Sensor> sensors,
                          int openAlerts, Gateway gateway) {

    public HomeSummary {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(resident, "resident");
        Objects.requireNonNull(gateway, "gateway");
        rooms = rooms == null ? List.of() : List.copyOf(rooms);
        sensors = sensors == null ? List.of() : List.copyOf(sensors);
    }

    /** One room: {@code lastMovement} and {@code temperatureC} are null when not known. */
    public record Room(String room, Instant lastMovement, Double temperatureC) {
        public Room {
            Objects.requireNonNull(room, "room");
        }
    }

    /** Where the resident is, as the detectors see it. */
    public enum ResidentState { UP, IN_BED, OUT, UNKNOWN }

    /**
     * @param state what the detectors conclude
     * @param words the detectors' own words, for people
     * @param since when that began, or null when not known
     */
    public record Resident(ResidentState state, String words, Instant since) {
        public Resident {
            Objects.requireNonNull(state, "state");
            words = words == null ? "" : words;
        }
    }

    /** One sensor: {@code status} is ONLINE, SUSPECT or OFFLINE, with the reason in plain words. */
    public record Sensor(String id, String room, String status, String reason) {
        public Sensor {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(status, "status");
            room = room == null ? "" : room;
            reason = reason == null ? "" : reason;
        }
    }

    /** The gateway's software version and when it last started. */
    public record Gateway(String version, Instant upSince) {
        public Gateway {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(upSince, "upSince");
        }
    }
}
