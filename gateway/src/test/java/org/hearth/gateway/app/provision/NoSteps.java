package org.hearth.gateway.app.provision;

import java.nio.file.Path;
import java.util.Optional;

/** The steps offered after saving, declined: for wizard scripts that end at "save". */
final class NoSteps implements Provisioning.NextSteps {
    @Override
    public int restart() {
        throw new AssertionError("declined");
    }

    @Override
    public int walkTest(Path config) {
        throw new AssertionError("declined");
    }

    @Override
    public Optional<Integer> testAlert(Path config) {
        throw new AssertionError("declined");
    }
}
