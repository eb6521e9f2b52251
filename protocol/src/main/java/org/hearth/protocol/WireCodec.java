package org.hearth.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;

/**
 * Encodes and decodes v1 records as UTF-8 JSON. Times are ISO-8601 strings, enums lower case.
 * Unknown fields are ignored so a newer peer can add fields; a different major version, a
 * missing field or a payload that is not JSON is refused with a {@link ProtocolException}.
 */
public final class WireCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule("lower-case-enums").addSerializer(new LowerCaseEnumSerializer()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    /**
     * For records whose nested parts have fields that only some entries carry (a {@link Down}
     * entry's fields depend on its kind, a summary's room may have no temperature): absent reads as
     * null, and the records' own constructors say what each must have.
     */
    private static final ObjectMapper LENIENT = MAPPER.copy().disable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    /**
     * Fields added after a record first shipped in v1. A peer that predates them leaves them
     * out, so they read as null instead of being refused as missing.
     */
    private static final java.util.Map<Class<?>, java.util.List<String>> OPTIONAL_FIELDS = java.util.Map.of(
            GatewayStatus.class, java.util.List.of("carers_unreachable_since", "presence"),
            Resolution.class, java.util.List.of("note"),
            AlertEvent.class, java.util.List.of("outcome", "next_at", "next_to"));

    private WireCodec() {
    }

    public static byte[] encode(Record message) {
        try {
            return MAPPER.writeValueAsString(message).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + message.getClass().getSimpleName(), e);
        }
    }

    public static Alert decodeAlert(byte[] payload) throws ProtocolException {
        return decode(payload, Alert.class);
    }

    public static Acknowledgement decodeAck(byte[] payload) throws ProtocolException {
        return decode(payload, Acknowledgement.class);
    }

    public static Resolution decodeResolution(byte[] payload) throws ProtocolException {
        return decode(payload, Resolution.class);
    }

    public static Heartbeat decodeHeartbeat(byte[] payload) throws ProtocolException {
        return decode(payload, Heartbeat.class);
    }

    public static GatewayStatus decodeStatus(byte[] payload) throws ProtocolException {
        return decode(payload, GatewayStatus.class);
    }

    public static OpenAlerts decodeOpenAlerts(byte[] payload) throws ProtocolException {
        return decode(payload, OpenAlerts.class);
    }

    public static AlertEvent decodeAlertEvent(byte[] payload) throws ProtocolException {
        return decode(payload, AlertEvent.class);
    }

    public static HomeSummary decodeHomeSummary(byte[] payload) throws ProtocolException {
        return decode(payload, HomeSummary.class, LENIENT);
    }

    public static Down decodeDown(byte[] payload) throws ProtocolException {
        return decode(payload, Down.class, LENIENT);
    }

    private static <T extends Record> T decode(byte[] payload, Class<T> type) throws ProtocolException {
        return decode(payload, type, MAPPER);
    }

    private static <T extends Record> T decode(byte[] payload, Class<T> type, ObjectMapper mapper) throws ProtocolException {
        String what = type.getSimpleName().toLowerCase(java.util.Locale.ROOT);
        if (payload == null || payload.length == 0) {
            throw new ProtocolException("empty " + what + " payload");
        }
        if (payload.length > Protocol.MAX_PAYLOAD_BYTES) {
            throw new ProtocolException(what + " payload of " + payload.length + " bytes exceeds " + Protocol.MAX_PAYLOAD_BYTES);
        }
        try {
            var tree = MAPPER.readTree(payload);
            if (tree == null || !tree.isObject()) {
                throw new ProtocolException(what + " payload is not a JSON object");
            }
            var v = tree.get("v");
            if (v == null || !v.canConvertToInt() || v.asInt() != Protocol.VERSION) {
                throw new ProtocolException(what + " has unsupported protocol version " + (v == null ? "(missing)" : v.toString())
                        + "; this side speaks v" + Protocol.VERSION);
            }
            for (String optional : OPTIONAL_FIELDS.getOrDefault(type, java.util.List.of())) {
                if (!tree.has(optional)) {
                    ((com.fasterxml.jackson.databind.node.ObjectNode) tree).putNull(optional);
                }
            }
            return mapper.treeToValue(tree, type);
        } catch (JsonMappingException e) {
            throw new ProtocolException("invalid " + what + ": " + firstLine(e.getOriginalMessage()) + pathOf(e));
        } catch (java.io.IOException e) {
            throw new ProtocolException(what + " payload is not valid JSON: " + firstLine(e.getMessage()));
        }
    }

    private static String pathOf(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .reduce((a, b) -> a + "." + b).orElse("");
        return path.isEmpty() ? "" : " (at " + path + ")";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Enum constants go on the wire in lower case, as docs/protocol.md shows them. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final class LowerCaseEnumSerializer extends StdSerializer<Enum> {
        private static final long serialVersionUID = 1L;

        LowerCaseEnumSerializer() {
            super(Enum.class);
        }

        @Override
        public void serialize(Enum value, JsonGenerator gen, SerializerProvider provider) throws java.io.IOException {
            gen.writeString(value.name().toLowerCase(java.util.Locale.ROOT));
        }
    }
}
