package org.hearth.gateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.core.ConsoleAppender;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

@Tag("small")
class LogSetupTest {

    private final LoggerContext context = new LoggerContext();

    @AfterEach
    void clearProperties() {
        System.clearProperty("hearth.log.level");
        System.clearProperty("hearth.californium.log.level");
        System.clearProperty("logback.configurationFile");
        context.stop();
    }

    @Test
    void logback_finds_it_as_a_service_and_this_jvm_is_configured_by_it() {
        assertThat(ServiceLoader.load(ch.qos.logback.classic.spi.Configurator.class))
                .anyMatch(LogSetup.class::isInstance);
        LoggerContext running = (LoggerContext) LoggerFactory.getILoggerFactory();
        assertThat(running.getLogger("com.pi4j.boardinfo").getLevel()).isEqualTo(Level.OFF);
    }

    @Test
    void lines_go_to_stderr_without_a_time_stamp_at_the_levels_the_gateway_wants() {
        assertThat(configure()).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);

        var root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.INFO);
        var stderr = (ConsoleAppender<?>) root.getAppender("STDERR");
        assertThat(stderr.getTarget()).isEqualTo("System.err");
        assertThat(stderr.isStarted()).isTrue();
        assertThat(((PatternLayoutEncoder) stderr.getEncoder()).getPattern()).isEqualTo("%-5level %logger{0}: %msg%n");
        assertThat(context.getLogger("org.eclipse.californium").getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("org.eclipse.californium.scandium").getLevel()).isEqualTo(Level.ERROR);
        assertThat(context.getLogger("com.pi4j").getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("com.pi4j.boardinfo").getLevel()).isEqualTo(Level.OFF);
    }

    @Test
    void the_levels_follow_the_system_properties() {
        System.setProperty("hearth.log.level", "WARN");
        System.setProperty("hearth.californium.log.level", "DEBUG");
        configure();

        assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("org.eclipse.californium").getLevel()).isEqualTo(Level.DEBUG);
        assertThat(context.getLogger("org.eclipse.californium.scandium").getLevel()).isEqualTo(Level.DEBUG);
    }

    @Test
    void an_administrators_own_file_is_read_instead() {
        System.setProperty("logback.configurationFile", "/etc/hearth/logback.xml");

        assertThat(configure()).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).iteratorForAppenders()).isExhausted();
    }

    private ExecutionStatus configure() {
        LogSetup setup = new LogSetup();
        setup.setContext(context);
        return setup.configure(context);
    }
}
