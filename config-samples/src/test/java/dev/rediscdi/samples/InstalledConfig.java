package dev.rediscdi.samples;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;

/**
 * Registers a MicroProfile Config for the thread context class loader, as a server would, so that the
 * extension reads exactly the sample; close it to remove it again.
 */
final class InstalledConfig implements AutoCloseable {
    private final Config config;

    InstalledConfig(Config config) {
        ConfigProviderResolver resolver = ConfigProviderResolver.instance();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            resolver.releaseConfig(resolver.getConfig(loader));
        } catch (IllegalStateException | IllegalArgumentException none) {
            // nothing registered yet
        }
        this.config = config;
        resolver.registerConfig(config, loader);
    }

    @Override
    public void close() {
        ConfigProviderResolver.instance().releaseConfig(config);
    }
}
