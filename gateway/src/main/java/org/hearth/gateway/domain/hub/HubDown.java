package org.hearth.gateway.domain.hub;

import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import org.hearth.time.Scheduler;
import java.util.Optional;
import org.hearth.gateway.domain.AckResult;
import org.hearth.gateway.domain.AlertMachine;
import org.hearth.gateway.domain.Carer;
import org.hearth.gateway.domain.Ladder;
import org.hearth.protocol.Down;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies what the hub holds for this gateway. An acknowledgement or a resolution goes through
 * the alert machine exactly as a carer's own device's would, under the identity of the carer
 * through the hub it names ({@link Carer#hubIdentity}); the machine writes it durably before it
 * returns, so the entry may then be deleted at the hub. A {@code delivered} entry (a carer's
 * device received an alert) becomes a RECEIVED_ON_DEVICE line of the alert's trail, which does
 * not stop the escalation. Applying an entry twice is harmless. Runs on the event loop only.
 */
public final class HubDown {

    private static final Logger LOG = LoggerFactory.getLogger(HubDown.class);

    private static final int DEVICE_NAME_MAX = 60;

    private final AlertMachine machine;
    private final Ladder ladder;
    private final Runnable checkNow;
    private final HubLink link;
    private final Scheduler scheduler;
    /** Entries applied whose delete is on its way: a notification repeating them changes nothing. */
    private final Set<Long> deleting = new HashSet<>();

    /** @param checkNow sends a fresh summary at once */
    public HubDown(AlertMachine machine, Ladder ladder, Runnable checkNow, HubLink link, Scheduler scheduler) {
        this.machine = machine;
        this.ladder = ladder;
        this.checkNow = checkNow;
        this.link = link;
        this.scheduler = scheduler;
    }

    /**
     * A notification of {@code /v1/down}: each entry is applied in order, then deleted at the hub.
     * An entry whose delete fails stays at the hub and comes again; applying it again is harmless.
     */
    public void receive(Down down) {
        down.entries().stream().sorted(Comparator.comparingLong(Down.Entry::seq)).forEach(entry -> {
            if (deleting.contains(entry.seq()) || !apply(entry)) {
                return;
            }
            deleting.add(entry.seq());
            link.deleteDown(entry.seq()).whenComplete((ok, error) -> scheduler.execute(() -> {
                deleting.remove(entry.seq());
                if (!Boolean.TRUE.equals(ok) || error != null) {
                    LOG.info("The hub did not drop down entry {}; it will come again and be applied again, harmlessly",
                            entry.seq());
                }
            }));
        });
    }

    /**
     * Applies one entry.
     *
     * @return true when it is done with (applied, or refused for good and logged) and the hub may
     *         drop it; false for a kind this gateway does not know, left for a newer one
     */
    public boolean apply(Down.Entry entry) {
        switch (entry.kind()) {
            case Down.ACK -> {
                var ack = entry.ack();
                viaHub(ack.by(), entry).ifPresent(carer -> report(entry, machine.acknowledge(ack.alertId(), carer.identity(),
                        ack.note())));
                return true;
            }
            case Down.RESOLVE -> {
                viaHub(entry.by(), entry).ifPresent(carer -> report(entry, machine.resolveByCarer(entry.alertId(),
                        carer.identity(), entry.outcome(), entry.note() == null ? "" : entry.note())));
                return true;
            }
            case Down.CHECK_NOW -> {
                checkNow.run();
                return true;
            }
            case Down.DELIVERED -> {
                // A carer's own device has it: a line in the trail, never an acknowledgement.
                if (entry.alertId() == null) {
                    LOG.warn("The hub sent delivered entry {} without alert_id; dropped", entry.seq());
                    return true;
                }
                viaHub(entry.by(), entry).ifPresent(carer -> machine.receivedOnDevice(entry.alertId(), carer.name(),
                        deviceName(entry.device()), entry.at()));
                return true;
            }
            default -> {
                LOG.warn("The hub sent down entry {} of a kind this gateway does not know ({}); left at the hub",
                        entry.seq(), entry.kind().replaceAll("[^a-z_]", "?"));
                return false;
            }
        }
    }

    private Optional<Carer> viaHub(String name, Down.Entry entry) {
        Optional<Carer> carer = ladder.byName(name == null ? "" : name).filter(Carer::viaHub);
        if (carer.isEmpty()) {
            LOG.warn("The hub sent down entry {} ({}) from someone who is not a carer through the hub on this ladder; refused",
                    entry.seq(), entry.kind());
        }
        return carer;
    }

    /** A device's name as its carer typed it, kept short and on one line for the trail and logs. */
    static String deviceName(String typed) {
        if (typed == null) {
            return "";
        }
        String line = typed.replaceAll("\\p{Cntrl}", " ").strip();
        return line.length() <= DEVICE_NAME_MAX ? line : line.substring(0, DEVICE_NAME_MAX) + "…";
    }

    private static void report(Down.Entry entry, AckResult result) {
        if (result != AckResult.ACCEPTED && result != AckResult.ALREADY_ACKNOWLEDGED && result != AckResult.ALREADY_RESOLVED) {
            LOG.info("Down entry {} ({}) changed nothing: {}", entry.seq(), entry.kind(), result);
        }
    }
}
