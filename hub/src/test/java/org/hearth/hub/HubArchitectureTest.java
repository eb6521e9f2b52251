package org.hearth.hub;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The hub's own rules (docs/architecture.md, "The hub"): each adapter library stays in its package. */
@Tag("small")
class HubArchitectureTest {

    static final JavaClasses HUB = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.hearth.hub");

    /** {@code hearth-hub bench} plays gateways, carers' devices and Mosquitto's clients, so it may use what they do. */
    static final String BENCH = "org.hearth.hub.bench..";

    @Test
    void only_the_store_touches_jdbc() {
        noClasses().that().resideOutsideOfPackages("org.hearth.hub.store..", BENCH)
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..", "org.postgresql..")
                .check(HUB);
    }

    @Test
    void only_the_uplink_touches_californium() {
        noClasses().that().resideOutsideOfPackages("org.hearth.hub.uplink..", BENCH)
                .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.californium..")
                .check(HUB);
    }

    @Test
    void the_liveness_watch_and_the_store_know_no_network_and_never_read_the_wall_clock_themselves() {
        noClasses().that().resideInAnyPackage("org.hearth.hub.liveness..", "org.hearth.hub.store..")
                .should().dependOnClassesThat().resideInAnyPackage("org.hearth.hub.uplink..", "picocli..")
                .check(HUB);
        noClasses().that().resideInAnyPackage("org.hearth.hub.liveness..", "org.hearth.hub.uplink..", "org.hearth.hub.store..")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(Thread.class, "sleep", long.class)
                .check(HUB);
    }

    @Test
    void the_http_api_may_use_the_store_and_the_uplink_and_neither_knows_it() {
        noClasses().that().resideInAnyPackage("org.hearth.hub.store..", "org.hearth.hub.uplink..", "org.hearth.hub.liveness..",
                        "org.hearth.hub.config..")
                .should().dependOnClassesThat().resideInAnyPackage("org.hearth.hub.http..")
                .check(HUB);
        noClasses().that().resideOutsideOfPackages("org.hearth.hub.http..", BENCH)
                .should().dependOnClassesThat().resideInAnyPackage("com.sun.net.httpserver..", "javax.net.ssl..")
                .check(HUB);
        noClasses().that().resideInAPackage("org.hearth.hub.http..")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(Thread.class, "sleep", long.class)
                .check(HUB);
    }

    @Test
    void web_push_uses_the_store_alone_and_only_the_http_api_and_the_wiring_use_it() {
        noClasses().that().resideInAPackage("org.hearth.hub.push..")
                .should().dependOnClassesThat().resideInAnyPackage("org.hearth.hub.http..", "org.hearth.hub.uplink..",
                        "org.hearth.hub.liveness..", "org.eclipse.californium..")
                .check(HUB);
        noClasses().that().resideInAnyPackage("org.hearth.hub.store..", "org.hearth.hub.uplink..", "org.hearth.hub.liveness..",
                        "org.hearth.hub.config..")
                .should().dependOnClassesThat().resideInAnyPackage("org.hearth.hub.push..")
                .check(HUB);
        noClasses().that().resideInAPackage("org.hearth.hub.push..")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(Thread.class, "sleep", long.class)
                .check(HUB);
    }

    @Test
    void the_export_and_retention_read_the_store_alone_and_never_the_wall_clock() {
        noClasses().that().resideInAnyPackage("org.hearth.hub.export..", "org.hearth.hub.retention..")
                .should().dependOnClassesThat().resideInAnyPackage("org.hearth.hub.http..", "org.hearth.hub.uplink..",
                        "org.hearth.hub.push..", "org.eclipse.californium..", "picocli..", "java.sql..")
                .check(HUB);
        noClasses().that().resideInAnyPackage("org.hearth.hub.export..", "org.hearth.hub.retention..")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(Thread.class, "sleep", long.class)
                .check(HUB);
        noClasses().that().resideInAnyPackage("org.hearth.hub.store..", "org.hearth.hub.uplink..", "org.hearth.hub.liveness..",
                        "org.hearth.hub.config..")
                .should().dependOnClassesThat().resideInAnyPackage("org.hearth.hub.export..", "org.hearth.hub.retention..")
                .check(HUB);
    }

    @Test
    void the_hub_depends_on_no_gateway_or_carer_code() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.hearth.gateway..", "org.hearth.carer..", "org.hearth.sensors..",
                "org.hearth.voice..").check(HUB);
    }

    @Test
    void no_production_code_depends_on_the_bench_and_only_the_bench_uses_its_libraries() {
        // The command line lists the bench among its subcommands, and that is all.
        noClasses().that().resideOutsideOfPackage(BENCH).and().doNotHaveFullyQualifiedName(HubMain.class.getName())
                .should().dependOnClassesThat().resideInAPackage(BENCH)
                .check(HUB);
        // Provided-scope libraries: not in the daemon's runtime classpath (hub/pom.xml).
        noClasses().that().resideOutsideOfPackage(BENCH)
                .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.paho..", "org.bouncycastle..")
                .check(HUB);
    }
}
