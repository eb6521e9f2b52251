package org.hearth.gateway.domain;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The home's escalation ladder: who is told at each level, and how long each level has to
 * acknowledge before the next is told. Earlier levels stay informed.
 */
public record Ladder(List<Carer> carers, Duration levelTimeout) {

    public Ladder {
        carers = List.copyOf(carers);
    }

    public List<Carer> atLevel(int level) {
        return carers.stream().filter(c -> c.level() == level).toList();
    }

    public int topLevel() {
        return carers.stream().mapToInt(Carer::level).max().orElse(0);
    }

    /** The next level above {@code level} that has anyone on it. */
    public Optional<Integer> nextLevel(int level) {
        return carers.stream().mapToInt(Carer::level).filter(l -> l > level).min().stream().boxed().findFirst();
    }

    public Optional<Carer> byName(String name) {
        return carers.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public Optional<Carer> byIdentity(String identity) {
        return carers.stream().filter(c -> c.identity().equals(identity)).findFirst();
    }
}
