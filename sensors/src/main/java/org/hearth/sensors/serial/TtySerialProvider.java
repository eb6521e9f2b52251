package org.hearth.sensors.serial;

import com.pi4j.io.serial.Serial;
import com.pi4j.io.serial.SerialConfig;
import com.pi4j.io.serial.SerialProviderBase;

/**
 * A Pi4J serial provider for Linux tty devices ({@code /dev/serial0}, {@code /dev/ttyUSB0}).
 * Pi4J 2.8.0's only serial provider for a Pi is pigpio's, which needs root and the pigpio
 * library and does not run on a Pi 5; this one sets the line up with {@code stty} and reads the
 * device as a file, which any member of the {@code dialout} group may do.
 */
final class TtySerialProvider extends SerialProviderBase {

    static final String ID = "hearth-tty-serial";

    TtySerialProvider() {
        super(ID, "Hearth Linux tty serial");
    }

    @Override
    public Serial create(SerialConfig config) {
        TtySerial serial = new TtySerial(this, config);
        context.registry().add(serial);
        return serial;
    }
}
