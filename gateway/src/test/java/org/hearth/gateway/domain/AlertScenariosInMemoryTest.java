package org.hearth.gateway.domain;

import org.hearth.gateway.testkit.InMemoryAlertStore;
import org.junit.jupiter.api.Tag;

@Tag("small")
class AlertScenariosInMemoryTest extends AlertScenarios {

    @Override
    protected AlertStore newStore() {
        return new InMemoryAlertStore();
    }
}
