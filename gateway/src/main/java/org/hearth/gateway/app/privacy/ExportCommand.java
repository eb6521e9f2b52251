package org.hearth.gateway.app.privacy;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hearth.gateway.app.ConfigOption;
import org.hearth.gateway.app.config.ConfigLoader;
import org.hearth.gateway.app.config.HearthConfig;
import org.hearth.gateway.domain.Alert;
import org.hearth.gateway.domain.AuditEntry;
import org.hearth.gateway.domain.activity.LearnedRoutine;
import org.hearth.gateway.domain.activity.Whereabouts;
import org.hearth.gateway.store.SqliteAlertStore;
import org.hearth.gateway.store.SqliteDatabase;
import org.hearth.gateway.store.SqliteExport;
import org.hearth.gateway.store.SqliteReminderStore;
import org.hearth.gateway.store.SqliteRoutineStore;
import org.hearth.gateway.store.StoreException;
import org.hearth.voice.Reminder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hearth export}: everything Hearth holds about the resident, as one JSON document, for a
 * subject-access request: the configuration without secrets, every stored sensor event, every
 * alert with its audit trail, every reminder, the learned routine and whether the resident was last
 * known to be out. Audio and transcripts are never stored, so there are none to export.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write everything stored about the resident as JSON (a subject-access request).")
public final class ExportCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Option(names = {"-o", "--out"}, required = true, description = "Where to write the JSON file (created with mode 0600).")
    Path out;

    @Override
    public Integer call() throws IOException {
        ConfigLoader.Loaded loaded = config.load();
        HearthConfig c = loaded.config();
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);
        int[] events = {0};
        int alerts;
        int reminderCount;
        try (SqliteDatabase db = SqliteDatabase.openReadOnly(c.storage().database());
             OutputStream file = Files.newOutputStream(out, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             JsonGenerator g = json.getFactory().createGenerator(file, JsonEncoding.UTF8)) {
            Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-------"));
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("what", "Everything the Hearth gateway stores about this home (subject-access export)");
            g.writeStringField("exported_at", Instant.now().toString());
            g.writeObjectField("config", configWithoutSecrets(c));
            g.writeArrayFieldStart("events");
            new SqliteExport(db).events(e -> {
                write(g, json, e);
                events[0]++;
            });
            g.writeEndArray();
            SqliteAlertStore store = new SqliteAlertStore(db);
            List<Alert> all = store.recent(Integer.MAX_VALUE);
            g.writeArrayFieldStart("alerts");
            for (Alert a : all) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("alert", a);
                entry.put("audit", store.history(a.id()).stream().map(ExportCommand::auditLine).toList());
                json.writeValue(g, entry);
            }
            g.writeEndArray();
            alerts = all.size();
            List<Reminder> reminders = new SqliteReminderStore(db).all();
            g.writeArrayFieldStart("reminders");
            for (Reminder r : reminders) {
                write(g, json, r);
            }
            g.writeEndArray();
            reminderCount = reminders.size();
            SqliteRoutineStore routineStore = new SqliteRoutineStore(db);
            g.writeObjectField("learned_routine", routine(routineStore.routine()));
            g.writeObjectField("whereabouts", routineStore.whereabouts().map(ExportCommand::whereabouts).orElse(null));
            g.writeStringField("never_stored", "audio, transcripts of speech");
            g.writeEndObject();
        } catch (StoreException e) {
            Files.deleteIfExists(out);
            System.err.println("hearth: " + e.getMessage());
            return 1;
        }
        System.out.println("Wrote " + out + ": the configuration (without keys), " + events[0] + " sensor events and "
                + alerts + " alerts with their history, " + reminderCount + " reminders, the learned routine and whether "
                + "the resident was out.");
        return 0;
    }

    private static void write(JsonGenerator g, ObjectMapper json, Object value) {
        try {
            json.writeValue(g, value);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The routine as the samples it is learned from, in minutes, with the hour of the week spelled out. */
    private static Map<String, Object> routine(java.util.Optional<LearnedRoutine> stored) {
        if (stored.isEmpty()) {
            return null;
        }
        LearnedRoutine r = stored.get();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("what", "How the resident's days usually go, learned from the sensor events: how long stillness lasted "
                + "after movement in each room, by hour of the week, and when they got up, in minutes");
        m.put("watched_since", r.watchedSince().toString());
        m.put("getting_up_minutes_after_midnight", r.upMinutes());
        Map<String, Map<String, List<Double>>> quiet = new java.util.TreeMap<>();
        r.quiet().forEach((room, week) -> {
            Map<String, List<Double>> hours = new LinkedHashMap<>();
            for (int h = 0; h < week.size(); h++) {
                if (!week.get(h).isEmpty()) {
                    hours.put(java.time.DayOfWeek.of(h / 24 + 1).getDisplayName(java.time.format.TextStyle.FULL,
                            java.util.Locale.UK) + " " + String.format(java.util.Locale.ROOT, "%02d:00", h % 24), week.get(h));
                }
            }
            quiet.put(room, hours);
        });
        m.put("quiet_spell_minutes_by_room_and_hour", quiet);
        return m;
    }

    /** One line of an alert's trail, with a carer's outcome and the next level due in words. */
    private static Map<String, Object> auditLine(AuditEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", e.at().toString());
        m.put("state", e.state());
        m.put("event", e.event());
        m.put("carer", e.carer());
        m.put("detail", e.detail());
        if (e.outcome() != null) {
            m.put("outcome", e.outcome().words());
        }
        if (e.next() != null) {
            m.put("next_level", "level " + e.next().level() + " (" + e.next().who() + ") at " + e.next().at());
        }
        return m;
    }

    private static Map<String, Object> whereabouts(Whereabouts w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("out", w.away());
        m.put(w.away() ? "out_since" : "home_since", w.since().toString());
        return m;
    }

    /** The configuration as the resident's record: every setting, but carers' keys stay out. */
    private static Map<String, Object> configWithoutSecrets(HearthConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> home = new LinkedHashMap<>();
        home.put("label", c.home().label());
        if (c.home().languages().size() > 1) {
            home.put("languages", c.home().languages());
        } else {
            home.put("language", c.home().language());
        }
        home.put("timezone", c.home().zone().getId());
        home.put("council", c.council().pack());
        home.put("bin_day", c.council().binDay() == null ? null : c.council().binDay().toString().toLowerCase(java.util.Locale.ROOT));
        home.put("bin_round", c.council().binRound());
        home.put("library", c.council().library());
        home.put("quiet_hours", c.detection().nightStart() + "-" + c.detection().nightEnd());
        m.put("home", home);
        m.put("sensors", c.sensors().stream().map(s -> Map.of("id", s.id(), "room", s.room(), "kind", s.kind().configName(),
                "pin", s.pin())).toList());
        m.put("carers", c.carers().stream().map(k -> Map.of("name", k.name(), "level", k.level(),
                "endpoint", k.viaHub() ? "via hub" : k.endpoint().toString())).toList());
        c.hubUplink().ifPresent(h -> m.put("hub", Map.of("uri", h.uri().toString(), "identity", h.identity(),
                "heartbeat", h.heartbeat().toSeconds() + "s")));
        m.put("events_retention_days", c.storage().eventRetentionDays());
        return m;
    }
}
