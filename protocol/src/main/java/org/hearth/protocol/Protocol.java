package org.hearth.protocol;

/** Constants of wire protocol v1. */
public final class Protocol {

    /** The version every record carries in {@code v}. */
    public static final int VERSION = 1;

    /** CoAP content-format for application/json. */
    public static final int CONTENT_FORMAT_JSON = 50;

    /** The gateway's DTLS port (coaps). Plain coap is served on loopback only. */
    public static final int COAPS_PORT = 5684;
    public static final int COAP_PORT = 5683;

    /** Resource paths, as segments. */
    public static final String ALERTS = "alerts";
    public static final String ACK = "ack";
    public static final String RESOLVE = "resolve";
    public static final String STATUS = "status";
    public static final String HEARTBEAT = "heartbeat";

    /** Largest payload either side accepts; bigger requests are refused unread. */
    public static final int MAX_PAYLOAD_BYTES = 4096;

    private Protocol() {
    }
}
