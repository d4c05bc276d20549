package dev.rediscdi.samples;

import org.jboss.weld.environment.se.WeldContainer;
import org.jboss.weld.junit5.WeldInitiator;

/** Boots a Weld SE container the way weld-junit5 does (no discovery), with the Redis extension from the class path. */
final class Containers {
    private Containers() {
    }

    static WeldContainer boot(Class<?>... beanClasses) {
        return WeldInitiator.createWeld().addBeanClass(Anchor.class).addBeanClasses(beanClasses).initialize();
    }
}
