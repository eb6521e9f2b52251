package org.hearth.voice.recognition;

/**
 * An energy voice-activity detector that decides when an utterance starts and ends, chunk by
 * chunk, in audio time. It tracks the noise floor (quickly down, slowly up), calls a chunk speech
 * when it is well above the floor, and needs two such chunks in a row to start, so a click does
 * not open an utterance.
 */
final class Endpointer {

    enum State { WAITING, SPEAKING, ENDED, SILENT }

    private static final double START_ABOVE_FLOOR_DB = 6.0;
    private static final double CONTINUE_ABOVE_FLOOR_DB = 4.0;
    private static final double ABSOLUTE_GATE_DBFS = -58.0;
    private static final double FLOOR_RISE = 0.02;

    private final EndpointSettings settings;
    private State state = State.WAITING;
    private double floorDb = Double.NaN;
    private long nowMs;
    private long speechStartMs = -1;
    private long lastSpeechMs = -1;
    private int loudRun;

    Endpointer(EndpointSettings settings) {
        this.settings = settings;
    }

    /** Takes the next chunk of 16-bit samples; returns the state after it. */
    State accept(short[] samples, int count, int sampleRate) {
        double db = dbfs(samples, count);
        long chunkMs = count * 1000L / sampleRate;
        nowMs += chunkMs;
        if (Double.isNaN(floorDb)) {
            floorDb = db;
        } else if (db < floorDb) {
            floorDb = db;
        } else if (state != State.SPEAKING || db < floorDb + CONTINUE_ABOVE_FLOOR_DB) {
            floorDb += (db - floorDb) * FLOOR_RISE;
        }
        switch (state) {
            case WAITING -> {
                boolean loud = db > floorDb + START_ABOVE_FLOOR_DB && db > ABSOLUTE_GATE_DBFS;
                loudRun = loud ? loudRun + 1 : 0;
                if (loudRun >= 2) {
                    state = State.SPEAKING;
                    speechStartMs = nowMs - 2 * chunkMs;
                    lastSpeechMs = nowMs;
                } else if (nowMs >= settings.noSpeech().toMillis()) {
                    state = State.SILENT;
                }
            }
            case SPEAKING -> {
                if (db > floorDb + CONTINUE_ABOVE_FLOOR_DB && db > ABSOLUTE_GATE_DBFS) {
                    lastSpeechMs = nowMs;
                }
                if (nowMs - lastSpeechMs >= settings.trailingSilence().toMillis()
                        || nowMs - speechStartMs >= settings.maxUtterance().toMillis()) {
                    state = State.ENDED;
                }
            }
            default -> {
            }
        }
        return state;
    }

    State state() {
        return state;
    }

    boolean speechStarted() {
        return speechStartMs >= 0;
    }

    long nowMs() {
        return nowMs;
    }

    long lastSpeechMs() {
        return lastSpeechMs;
    }

    static double dbfs(short[] samples, int count) {
        if (count == 0) {
            return -120;
        }
        double sum = 0;
        for (int i = 0; i < count; i++) {
            double s = samples[i] / 32768.0;
            sum += s * s;
        }
        double rms = Math.sqrt(sum / count);
        return rms <= 1e-6 ? -120 : 20 * Math.log10(rms);
    }
}
