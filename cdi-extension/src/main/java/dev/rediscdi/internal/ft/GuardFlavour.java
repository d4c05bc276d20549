package dev.rediscdi.internal.ft;

import java.util.logging.Level;
import java.util.logging.Logger;

import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.faulttolerance.api.Spi;
import io.smallrye.faulttolerance.api.SpiAccess;
import io.smallrye.faulttolerance.standalone.StandaloneSpi;

/**
 * Picks the SmallRye Fault Tolerance flavour that builds the clients' guards. SmallRye's own choice takes the CDI
 * flavour whenever that jar is present and a CDI container runs, and that flavour then needs its portable extension:
 * present in Quarkus and WildFly, absent when a server merely has the jar. A trial guard tells; where the CDI
 * flavour cannot serve, the standalone one (a dependency of this library) does.
 */
final class GuardFlavour {
    private static final Logger LOG = Logger.getLogger(GuardFlavour.class.getName());

    private GuardFlavour() {
    }

    static Spi choose() {
        Spi preferred;
        try {
            preferred = SpiAccess.get();
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.FINE, "SmallRye Fault Tolerance offers no flavour of its own here; using the standalone one", e);
            return new StandaloneSpi();
        }
        if (preferred instanceof StandaloneSpi) {
            return preferred;
        }
        try {
            Guard trial = preferred.newGuardBuilder().withRetry().maxRetries(0).done().withThreadOffload(false).build();
            if ("usable".equals(trial.get(() -> "usable", String.class))) {
                return preferred;
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.FINE, "SmallRye Fault Tolerance for CDI is present but not usable here; using the standalone flavour", e);
        }
        return new StandaloneSpi();
    }
}
