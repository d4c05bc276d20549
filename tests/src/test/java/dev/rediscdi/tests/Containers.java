package dev.rediscdi.tests;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.jboss.weld.junit5.WeldInitiator;

/** Boots a Weld container the way weld-junit5 does, for tests that need the container inside the test body. */
public final class Containers {
    private Containers() {
    }

    /** For {@code @WeldSetup}: a container with no bean of the test's own, only the extension's. */
    public static WeldInitiator initiator(Class<?>... beanClasses) {
        return WeldInitiator.from(WeldInitiator.createWeld().addBeanClass(Anchor.class).addBeanClasses(beanClasses)).build();
    }

    public static WeldContainer boot(Class<?>... beanClasses) {
        Weld weld = WeldInitiator.createWeld().addBeanClass(Anchor.class).addBeanClasses(beanClasses);
        return weld.initialize();
    }
}
