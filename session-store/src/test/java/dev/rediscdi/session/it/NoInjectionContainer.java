package dev.rediscdi.session.it;

import org.jboss.weld.environment.servlet.Container;
import org.jboss.weld.environment.servlet.ContainerContext;
import org.jboss.weld.resources.spi.ResourceLoader;

/**
 * Tells Weld Servlet not to hook into the container's instance creation: Jetty and Tomcat share the test class
 * path, and Weld would otherwise pick Tomcat's integration for Jetty too. The application looks beans up with
 * {@code CDI.current()}.
 */
public class NoInjectionContainer implements Container {
    @Override
    public boolean touch(ResourceLoader resourceLoader, ContainerContext context) {
        return true;
    }

    @Override
    public void initialize(ContainerContext context) {
        // nothing to hook
    }

    @Override
    public void destroy(ContainerContext context) {
        // nothing hooked
    }
}
