package org.hearth.gateway.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The gateway's logging, set up in code: logback finds this class as a service
 * ({@code META-INF/services}) before it would look for a {@code logback.xml}.
 *
 * <p>Why not XML: reading a {@code logback.xml} loads logback's Joran configurator and the JDK's
 * XML parser, about 650 classes and 0.3 to 0.4 s of a start-up that systemd waits for
 * (docs/performance.md, "Start-up without voice"). What is set here is what that file said:
 * <ul>
 *   <li>lines go to stderr with no time stamp (journald stamps each line itself);</li>
 *   <li>the root level is {@code -Dhearth.log.level} (default INFO; the one-shot commands set WARN);</li>
 *   <li>Californium logs at WARN and Scandium at ERROR, both overridden by
 *       {@code -Dhearth.californium.log.level}: Scandium logs a stack trace per malformed record,
 *       and {@code transport.LinkHealth} reports those once a minute instead;</li>
 *   <li>Pi4J logs at WARN, and not at all from {@code com.pi4j.boardinfo}, which logs an ERROR on
 *       any machine without {@code /proc/device-tree/model}.</li>
 * </ul>
 * An administrator who wants another set-up still can: with {@code -Dlogback.configurationFile=FILE}
 * this class steps aside and logback reads that file.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {

    private static final String PATTERN = "%-5level %logger{0}: %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();

        String californium = System.getProperty("hearth.californium.log.level");
        level(context, "org.eclipse.californium", californium, Level.WARN);
        level(context, "org.eclipse.californium.scandium", californium, Level.ERROR);
        level(context, "com.pi4j", null, Level.WARN);
        level(context, "com.pi4j.boardinfo", null, Level.OFF);
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(System.getProperty("hearth.log.level"), Level.INFO));
        root.addAppender(stderr);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static void level(LoggerContext context, String logger, String wanted, Level otherwise) {
        context.getLogger(logger).setLevel(Level.toLevel(wanted, otherwise));
    }
}
