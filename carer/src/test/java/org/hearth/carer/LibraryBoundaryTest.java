package org.hearth.carer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The carer library stays reusable by an Android app or a server: plain Java 17 and SLF4J's API.
 * The enforcer rule in this module's pom keeps picocli, ZXing and logback off its dependencies;
 * this keeps the JDK's desktop and logging parts, which no pom declares, out of its classes.
 */
@Tag("small")
class LibraryBoundaryTest {

    /** This module's own classes: the command line is another module and not on this classpath. */
    private static final JavaClasses LIBRARY = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.hearth.carer");

    @Test
    void no_command_line_desktop_qr_or_logging_backend() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("picocli..", "java.awt..", "javax.imageio..",
                        "javax.swing..", "com.google.zxing..", "ch.qos.logback..", "java.util.logging..", "org.apache.logging..")
                .because("an app or a server reuses the carer library (issue 14)")
                .check(LIBRARY);
    }

    @Test
    void logs_through_slf4j_and_never_prints() {
        noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .because("printing is the command line's job; the library logs through SLF4J")
                .check(LIBRARY);
    }
}
