package org.hearth.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.core.domain.JavaMethod;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The arrows of docs/architecture.md, checked on the production classes of every module:
 * gateway -> sensors, voice, transport, protocol, time; carer -> transport, protocol, time;
 * hub -> transport, protocol, time; transport -> protocol; sensors, voice -> time; protocol and
 * time -> nothing of ours; nothing -> demo -> nothing of ours; nothing -> tools (the benchmarks and
 * evaluations, a module outside this classpath), and no production package is a benchmark's or an
 * evaluation's but the hub's {@code bench}. (The hub's own packages have their rules in the hub's HubArchitectureTest.) The domain (and its hub
 * logic, {@code domain.hub}) sees no adapter library and not the transport, and adapter types
 * never appear in public signatures outside the adapter's package.
 */
@Tag("small")
class ArchitectureTest {

    private static JavaClasses hearth;

    @BeforeAll
    static void importClasses() {
        // The gateway's test classpath holds every module (the carer as a test dependency), as classes or jars.
        // The hub's testkit comes as a test-jar (HubRestartMatrixTest uses it): test code, not production.
        hearth = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar")).importPackages("org.hearth");
    }

    private static void check(ArchRule rule) {
        rule.check(hearth);
    }

    @Test
    void protocol_depends_on_no_other_module() {
        check(noClasses().that().resideInAPackage("org.hearth.protocol..")
                .should().dependOnClassesThat().resideInAnyPackage("org.hearth.time..", "org.hearth.sensors..",
                        "org.hearth.voice..", "org.hearth.gateway..", "org.hearth.carer..", "org.hearth.hub..",
                        "org.eclipse.californium.."));
    }

    @Test
    void time_depends_on_no_other_module() {
        check(noClasses().that().resideInAPackage("org.hearth.time..")
                .should().dependOnClassesThat().resideInAnyPackage("org.hearth.protocol..", "org.hearth.sensors..",
                        "org.hearth.voice..", "org.hearth.gateway..", "org.hearth.carer..", "org.hearth.hub.."));
    }

    @Test
    void transport_knows_only_the_protocol() {
        check(noClasses().that().resideInAPackage("org.hearth.transport..")
                .should().dependOnClassesThat().resideInAnyPackage("org.hearth.time..", "org.hearth.sensors..",
                        "org.hearth.voice..", "org.hearth.gateway..", "org.hearth.carer..", "org.hearth.systemd..",
                        "org.hearth.hub.."));
    }

    @Test
    void only_the_gateway_the_carer_and_the_hub_use_the_transport() {
        check(noClasses().that().resideOutsideOfPackages("org.hearth.transport..", "org.hearth.gateway..", "org.hearth.carer..",
                        "org.hearth.hub..")
                .should().dependOnClassesThat().resideInAPackage("org.hearth.transport.."));
    }

    @Test
    void the_hub_knows_neither_the_gateway_nor_the_devices_of_a_home() {
        check(noClasses().that().resideInAPackage("org.hearth.hub..")
                .should().dependOnClassesThat().resideInAnyPackage("org.hearth.gateway..", "org.hearth.carer..",
                        "org.hearth.sensors..", "org.hearth.voice..", "org.hearth.systemd.."));
        check(noClasses().that().resideOutsideOfPackage("org.hearth.hub..")
                .should().dependOnClassesThat().resideInAPackage("org.hearth.hub.."));
    }

    /**
     * The demo's router and browser-driven phone are processes the demo starts: nothing of ours
     * links to them or to Selenium, and they use none of ours (they speak UDP and HTTPS, as the
     * router and the phone they stand for).
     */
    @Test
    void nothing_depends_on_the_tools_and_no_production_module_holds_benchmarks_or_evaluations() {
        // The tools module (hearth bench, hearth eval) depends on the gateway, so it is not on this classpath:
        // a dependency on it from here would be a cycle, and its packages must not reappear in a production jar.
        check(noClasses().should().dependOnClassesThat().resideInAPackage("org.hearth.tools.."));
        check(noClasses().that().resideOutsideOfPackage("org.hearth.hub.bench..")
                .should().resideInAnyPackage("org.hearth.tools..", "..bench..", "..eval.."));
    }

    @Test
    void nothing_depends_on_the_demo_parts_or_selenium_and_they_depend_on_nothing_of_ours() {
        check(noClasses().that().resideOutsideOfPackage("org.hearth.demo..")
                .should().dependOnClassesThat().resideInAnyPackage("org.hearth.demo..", "org.openqa.selenium.."));
        check(noClasses().that().resideInAPackage("org.hearth.demo..")
                .should().dependOnClassesThat().resideInAnyPackage("org.hearth.time..", "org.hearth.protocol..",
                        "org.hearth.transport..", "org.hearth.sensors..", "org.hearth.voice..", "org.hearth.gateway..",
                        "org.hearth.carer..", "org.hearth.hub..", "org.hearth.systemd.."));
    }

    @Test
    void sensors_know_nothing_of_alerts_voice_or_the_gateway() {
        check(noClasses().that().resideInAPackage("org.hearth.sensors..")
                .should().dependOnClassesThat().resideInAnyPackage("org.hearth.protocol..", "org.hearth.voice..",
                        "org.hearth.gateway..", "org.hearth.carer.."));
    }

    /** Real or emulated buses are the sensors' choice ({@code sensors.platform.SensorPlatform}): the gateway names no emulated chip or bus. */
    @Test
    void the_gateway_leaves_emulated_buses_to_the_sensors() {
        check(noClasses().that().resideInAPackage("org.hearth.gateway..")
                .should().dependOnClassesThat().resideInAPackage("org.hearth.sensors.sim.."));
    }

    @Test
    void voice_reaches_the_home_only_through_its_own_ports() {
        check(noClasses().that().resideInAPackage("org.hearth.voice..")
                .should().dependOnClassesThat().resideInAnyPackage("org.hearth.protocol..", "org.hearth.sensors..",
                        "org.hearth.gateway..", "org.hearth.carer.."));
    }

    @Test
    void systemd_support_depends_on_no_other_module() {
        check(noClasses().that().resideInAPackage("org.hearth.systemd..")
                .should().dependOnClassesThat().resideInAnyPackage("org.hearth.protocol..", "org.hearth.sensors..",
                        "org.hearth.voice..", "org.hearth.gateway..", "org.hearth.carer..", "org.hearth.time.."));
    }

    @Test
    void the_carer_needs_only_the_protocol() {
        check(noClasses().that().resideInAPackage("org.hearth.carer..")
                .should().dependOnClassesThat().resideInAnyPackage("org.hearth.sensors..", "org.hearth.voice..",
                        "org.hearth.gateway.."));
    }

    @Test
    void nothing_depends_on_the_carer_or_the_gateway_from_outside() {
        check(noClasses().that().resideOutsideOfPackages("org.hearth.carer..")
                .should().dependOnClassesThat().resideInAPackage("org.hearth.carer.."));
        check(noClasses().that().resideOutsideOfPackages("org.hearth.gateway..")
                .should().dependOnClassesThat().resideInAPackage("org.hearth.gateway.."));
    }

    @Test
    void the_domain_imports_no_adapter_and_no_adapter_library() {
        check(noClasses().that().resideInAPackage("org.hearth.gateway.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.hearth.gateway.store..", "org.hearth.gateway.coap..", "org.hearth.gateway.app..",
                        "org.hearth.transport..", "com.pi4j..", "org.vosk..", "org.eclipse.californium..", "java.sql..", "org.sqlite..",
                        "com.fasterxml.jackson..", "picocli..", "org.freedesktop.dbus.."));
    }

    /**
     * docs/architecture.md, "Wiring and audit events": the alert core is assembled in one place.
     * Its parts' constructors are package-private, and inside the domain only {@code AlertCore}
     * calls them, so no one wires a second, different core.
     */
    @Test
    void only_the_alert_core_assembles_its_parts() {
        check(noClasses().that().doNotHaveFullyQualifiedName("org.hearth.gateway.domain.AlertCore")
                .should().callConstructorWhere(com.tngtech.archunit.base.DescribedPredicate.describe("of a part of the alert core",
                        call -> java.util.Set.of("AlertMachine", "OutboxDispatcher", "CarerReachability", "Heartbeats")
                                .contains(call.getTargetOwner().getSimpleName())
                                && call.getTargetOwner().getPackageName().equals("org.hearth.gateway.domain"))));
    }

    @Test
    void the_domain_reads_time_only_from_the_injected_scheduler() {
        check(noClasses().that().resideInAPackage("org.hearth.gateway.domain..")
                .should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(Thread.class, "sleep", long.class)
                .orShould().callMethod(java.time.Clock.class, "systemUTC")
                .orShould().callMethod(java.time.Clock.class, "systemDefaultZone"));
    }

    @Test
    void only_the_stores_use_jdbc() {
        // hearth-hub bench plays gateways (their SQLite commits) as well as the hub's peers (HubArchitectureTest).
        check(noClasses().that().resideOutsideOfPackages("org.hearth.gateway.store..", "org.hearth.hub.store..", "org.hearth.hub.bench..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite.."));
    }

    @Test
    void adapter_library_types_stay_out_of_public_signatures_elsewhere() {
        check(methods().that().arePublic().and().areDeclaredInClassesThat().resideOutsideOfPackages(
                        "org.hearth.transport..", "org.hearth.gateway.coap..", "org.hearth.carer..", "org.hearth.hub.uplink..",
                        "org.hearth.hub.bench..")
                .should(notMention("org.eclipse.californium")));
        check(methods().that().arePublic().and().areDeclaredInClassesThat().resideOutsideOfPackages("org.hearth.sensors..")
                .should(notMention("com.pi4j")));
        check(methods().that().arePublic().and().areDeclaredInClassesThat().resideOutsideOfPackages("org.hearth.voice..")
                .should(notMention("org.vosk")));
        // BlueZ's D-Bus API: the pendants' package and the stand-in that plays BlueZ, no one else.
        check(methods().that().arePublic().and().areDeclaredInClassesThat().resideOutsideOfPackages(
                        "org.hearth.sensors.ble..", "org.hearth.sensors.sim..")
                .should(notMention("org.freedesktop.dbus")));
    }

    /**
     * One module sets DTLS up: Scandium's connectors and its key stores are made only in
     * {@code transport} ({@code DtlsEndpoints}, {@code KeyRing}); the gateway, the carer and the hub
     * ask it for endpoints. (The hub's {@code HomeKeys} implements Scandium's key lookup interface
     * over its store, and hands it to {@code DtlsEndpoints}.)
     */
    @Test
    void dtls_connectors_and_key_stores_are_made_only_in_the_transport() {
        check(noClasses().that().resideOutsideOfPackage("org.hearth.transport..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.eclipse.californium.scandium.DTLSConnector")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.eclipse.californium.scandium.DtlsClusterConnector")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.eclipse.californium.scandium.config.DtlsConnectorConfig")
                .orShould().dependOnClassesThat().haveFullyQualifiedName(
                        "org.eclipse.californium.scandium.dtls.pskstore.AdvancedMultiPskStore"));
    }

    /**
     * The gateway's CoAP side in three parts: the server (its endpoints), the channel to carers with
     * its own outgoing endpoint ({@code CarerLink}), and the resources. The channel never reaches
     * into the server, the server holds no outgoing endpoint, and a resource knows neither.
     */
    @Test
    void the_gateways_channel_server_and_resources_stay_apart() {
        String coap = "org.hearth.gateway.coap.";
        check(noClasses().that().haveFullyQualifiedName(coap + "CoapAlertChannel").or().haveFullyQualifiedName(coap + "CarerLink")
                .should().dependOnClassesThat().haveFullyQualifiedName(coap + "CoapGatewayServer"));
        check(noClasses().that().haveFullyQualifiedName(coap + "CoapGatewayServer")
                .should().dependOnClassesThat().haveFullyQualifiedName(coap + "CarerLink")
                .orShould().dependOnClassesThat().haveFullyQualifiedName(coap + "CoapAlertChannel"));
        check(noClasses().that().resideInAPackage(coap + "resources..")
                .should().dependOnClassesThat().haveFullyQualifiedName(coap + "CoapGatewayServer")
                .orShould().dependOnClassesThat().haveFullyQualifiedName(coap + "CarerLink")
                .orShould().dependOnClassesThat().haveFullyQualifiedName(coap + "CoapAlertChannel")
                .orShould().dependOnClassesThat().haveFullyQualifiedName(coap + "HubUplink"));
    }

    /**
     * The gateway's application in rooms, each using only the rooms docs/architecture.md's table
     * gives it ("" is {@code app} itself, the command line, which may use them all): the settings
     * need no other room, the running home never needs a command, and the commands never need
     * each other.
     */
    @Test
    void the_gateways_application_rooms_keep_to_their_arrows() {
        String app = "org.hearth.gateway.app";
        Map<String, Set<String>> mayUse = Map.of(
                "config", Set.of(),
                "daemon", Set.of("config", "resident"),
                "resident", Set.of("config"),
                "provision", Set.of("", "config"),
                "privacy", Set.of("", "config"),
                "demo", Set.of("", "config", "daemon"));
        Set<String> rooms = Set.of("", "config", "daemon", "resident", "provision", "privacy", "demo");
        mayUse.forEach((room, allowed) -> check(noClasses().that().resideInAPackage(app + "." + room + "..")
                .should().dependOnClassesThat().resideInAnyPackage(rooms.stream()
                        .filter(r -> !r.equals(room) && !allowed.contains(r))
                        .map(r -> r.isEmpty() ? app : app + "." + r + "..").toArray(String[]::new))));
    }

    @Test
    void only_the_pendants_and_their_stand_in_use_d_bus() {
        check(noClasses().that().resideOutsideOfPackages("org.hearth.sensors.ble..", "org.hearth.sensors.sim..")
                .should().dependOnClassesThat().resideInAPackage("org.freedesktop.dbus.."));
    }

    private static ArchCondition<JavaMethod> notMention(String prefix) {
        return new ArchCondition<>("not mention " + prefix + " types in their signature") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean bad = method.getRawReturnType().getName().startsWith(prefix)
                        || method.getRawParameterTypes().stream().anyMatch(t -> t.getName().startsWith(prefix));
                if (bad && !method.getOwner().getModifiers().contains(JavaModifier.PRIVATE)) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName() + " exposes a " + prefix + " type"));
                }
            }
        };
    }
}
