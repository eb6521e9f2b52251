package org.hearth.gateway.coap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.List;
import org.hearth.gateway.domain.WalkTestMode;

/**
 * What walk-test mode has heard since the test began, typed: the answer of
 * {@code /local/walk-test/report}, which only {@code hearth walk-test} on this machine reads (so it
 * is no part of the carers' protocol). It tells a pendant's button from its movement, which
 * {@code /status} cannot: a streaming pendant reports all the time.
 *
 * @param heard every press and movement, oldest first: {@code [{"sensor_id":"pendant","trial":"MOVED","at":"..."}]}
 */
public record WalkTestReport(List<WalkTestMode.Heard> heard) {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    public WalkTestReport {
        heard = List.copyOf(heard);
    }

    public String json() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a walk-test report did not encode", e);
        }
    }

    /** @throws IOException when {@code json} is not a report, in words for a person */
    public static WalkTestReport parse(String json) throws IOException {
        try {
            WalkTestReport report = JSON.readValue(json, WalkTestReport.class);
            if (report.heard().stream().anyMatch(h -> h.sensorId() == null || h.trial() == null || h.at() == null)) {
                throw new IOException("Hearth's walk-test report has an entry without its sensor, trial or time: " + json);
            }
            return report;
        } catch (JsonProcessingException | NullPointerException e) {
            throw new IOException("Hearth's walk-test report was not understood: " + e.getMessage(), e);
        }
    }
}
