package org.hearth.sensors.i2c;

import com.pi4j.exception.Pi4JException;
import com.pi4j.io.i2c.I2C;
import com.pi4j.io.i2c.I2CConfig;
import com.pi4j.io.i2c.I2CProviderBase;
import org.hearth.sensors.sim.SimulatedI2cBus;

/**
 * A Pi4J I2C provider whose bus is a {@link SimulatedI2cBus} of emulated chips. Pi4J's own
 * MockI2C keeps a queue of written bytes per register, which cannot express auto-incrementing
 * burst reads, a FIFO that fills with time, or a chip that does not answer; this provider passes
 * each transaction to an emulator that implements the datasheet.
 */
final class EmulatedI2cProvider extends I2CProviderBase {

    static final String ID = "hearth-emulated-i2c";

    private final SimulatedI2cBus bus;

    EmulatedI2cProvider(SimulatedI2cBus bus) {
        super(ID, "Hearth emulated I2C");
        this.bus = bus;
    }

    @Override
    public I2C create(I2CConfig config) {
        if (config.bus() != bus.number()) {
            // The same words Pi4J's linuxfs provider uses, so both paths read alike.
            throw new Pi4JException("I2C bus " + config.bus() + " does not exist.");
        }
        EmulatedI2c i2c = new EmulatedI2c(this, config, bus);
        context.registry().add(i2c);
        return i2c;
    }
}
