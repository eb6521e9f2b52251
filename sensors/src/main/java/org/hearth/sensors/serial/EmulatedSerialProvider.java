package org.hearth.sensors.serial;

import com.pi4j.exception.Pi4JException;
import com.pi4j.io.serial.Serial;
import com.pi4j.io.serial.SerialConfig;
import com.pi4j.io.serial.SerialProviderBase;
import java.util.Map;
import org.hearth.sensors.sim.SerialPeer;

/**
 * A Pi4J serial provider whose devices are emulated modules. Pi4J's own MockSerial is a loopback:
 * what the host writes is what it reads back. A driver that asks for a heartbeat would then read
 * its own question as the module's answer, and a dead module would look alive; this provider keeps
 * the two directions apart, as a real UART does.
 */
final class EmulatedSerialProvider extends SerialProviderBase {

    static final String ID = "hearth-emulated-serial";

    private final Map<String, SerialPeer> devices;

    EmulatedSerialProvider(Map<String, SerialPeer> devices) {
        super(ID, "Hearth emulated serial");
        this.devices = Map.copyOf(devices);
    }

    @Override
    public Serial create(SerialConfig config) {
        SerialPeer peer = devices.get(config.device());
        if (peer == null) {
            // The words the system uses when opening a device that is not there.
            throw new Pi4JException(config.device() + ": No such file or directory");
        }
        EmulatedSerial serial = new EmulatedSerial(this, config, peer);
        context.registry().add(serial);
        return serial;
    }
}
