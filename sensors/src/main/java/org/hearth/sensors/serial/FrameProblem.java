package org.hearth.sensors.serial;

/** What can be wrong in the byte stream from a serial module. */
public enum FrameProblem {
    /** A whole frame whose checksum does not match: a corrupted byte. */
    BAD_CHECKSUM("bad checksum"),
    /** A frame cut short (its tail is not where its length says): the module reset mid-frame, or bytes were lost. */
    TRUNCATED("truncated frame"),
    /** Bytes that are not a frame at all: line noise, or the module's boot messages. Not a fault on its own. */
    NOISE("noise between frames");

    private final String words;

    FrameProblem(String words) {
        this.words = words;
    }

    /** For a status line: "bad checksum". */
    public String words() {
        return words;
    }
}
