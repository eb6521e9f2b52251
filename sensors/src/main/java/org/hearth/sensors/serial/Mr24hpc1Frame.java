package org.hearth.sensors.serial;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One frame of the Seeed MR24HPC1's UART protocol (Seeed, "24GHz mmWave Sensor - Human Static
 * Presence Module Lite (MR24HPC1)" wiki and user manual): header {@code 0x53 0x59}, a control word,
 * a command word, a 16-bit data length (high byte first), the data, a checksum (the low byte of the
 * sum of every byte before it) and the tail {@code 0x54 0x43}.
 *
 * @param control the function group: {@link #SYSTEM} (heartbeat), {@link #HUMAN} (presence reports)...
 * @param command the function within the group; a query is the report's command with bit 7 set
 * @param data    the payload
 */
public record Mr24hpc1Frame(int control, int command, byte[] data) {

    static final int HEAD_1 = 0x53;
    static final int HEAD_2 = 0x59;
    static final int TAIL_1 = 0x54;
    static final int TAIL_2 = 0x43;
    /** Header, control, command and length: the bytes before the data. */
    static final int PREFIX = 6;
    /** Checksum and tail: the bytes after the data. */
    static final int SUFFIX = 3;

    /** The system group: command {@link #HEARTBEAT} is the heartbeat. */
    public static final int SYSTEM = 0x01;
    public static final int HEARTBEAT = 0x01;
    /** Human presence reports. */
    public static final int HUMAN = 0x80;
    /** Data 0x00 nobody, 0x01 someone. */
    public static final int PRESENCE = 0x01;
    /** Data 0x00 none, 0x01 someone still, 0x02 someone moving. */
    public static final int MOTION = 0x02;
    /** Body movement parameter, 0 to 100. */
    public static final int BODY_MOVEMENT = 0x03;
    /** Bit 7 of the command word marks a query; the module answers with the same words. */
    public static final int QUERY = 0x80;
    /** The data byte of a query: the manual's fixed 0x0F. */
    static final byte QUERY_DATA = 0x0F;

    public Mr24hpc1Frame {
        if (control < 0 || control > 0xFF || command < 0 || command > 0xFF) {
            throw new IllegalArgumentException("control and command are single bytes");
        }
        if (data.length > 0xFFFF) {
            throw new IllegalArgumentException("data too long: " + data.length);
        }
        data = data.clone();
    }

    /** A query from the host: heartbeat, presence or motion. */
    public static Mr24hpc1Frame query(int control, int command) {
        return new Mr24hpc1Frame(control, command, new byte[] {QUERY_DATA});
    }

    /** A report with one data byte. */
    public static Mr24hpc1Frame report(int control, int command, int value) {
        return new Mr24hpc1Frame(control, command, new byte[] {(byte) value});
    }

    /** The command without its query bit: a report and the answer to a query read alike. */
    public int function() {
        return command & ~QUERY;
    }

    /** The first data byte, unsigned; -1 when there is none. */
    public int value() {
        return data.length == 0 ? -1 : data[0] & 0xFF;
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** The frame as it goes on the wire. */
    public byte[] bytes() {
        byte[] out = new byte[PREFIX + data.length + SUFFIX];
        out[0] = (byte) HEAD_1;
        out[1] = (byte) HEAD_2;
        out[2] = (byte) control;
        out[3] = (byte) command;
        out[4] = (byte) (data.length >> 8);
        out[5] = (byte) data.length;
        System.arraycopy(data, 0, out, PREFIX, data.length);
        int end = PREFIX + data.length;
        out[end] = checksum(out, end);
        out[end + 1] = (byte) TAIL_1;
        out[end + 2] = (byte) TAIL_2;
        return out;
    }

    /** The low byte of the sum of the first {@code length} bytes. */
    static byte checksum(byte[] frame, int length) {
        int sum = 0;
        for (int i = 0; i < length; i++) {
            sum += frame[i] & 0xFF;
        }
        return (byte) sum;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Mr24hpc1Frame f && f.control == control && f.command == command && Arrays.equals(f.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * control + command) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return String.format("%02X %02X [%s]", control, command, HexFormat.ofDelimiter(" ").formatHex(data));
    }
}
