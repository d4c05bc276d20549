package dev.rediscdi.sample.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.rediscdi.dev.DevRedis;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * {@code mvn quarkus:dev} of this sample: every live reload starts the application again in a new class loader, and
 * the dev-redis module is one of the project's own modules, which Quarkus reloads with the application's classes. Each
 * generation then has its own copy of the module's classes; the local Redis must still be the one of the JVM (same
 * server, same data), not one more redis-server per reload. Here two generations are two class loaders that define the
 * module's classes themselves, each reading {@code redis.hosts} through the module's configuration source factory, as
 * Quarkus does when it builds a generation's configuration.
 */
class DevRedisLiveReloadTest {

    private static final String MODULE_PACKAGE = DevRedis.class.getPackageName() + ".";
    private static final String FACTORY = MODULE_PACKAGE + "internal.DevRedisConfigSourceFactory";

    @Test
    void shouldKeepOneLocalRedisAcrossReloads() throws Exception {
        Generation first = Generation.start();
        Generation second = Generation.start();

        assertThat(second.hosts()).as("the second generation's redis.hosts").isEqualTo(first.hosts());
        assertThat(second.pid()).as("the redis-server the second generation reports").isEqualTo(first.pid()).isPresent();
        assertThat(ProcessHandle.of(first.pid().orElseThrow()).map(ProcessHandle::isAlive)).contains(true);
    }

    /** One start of the application: its own copy of the module's classes, and a configuration built with them. */
    private record Generation(String hosts, Optional<Long> pid) {

        static Generation start() throws Exception {
            URL module = DevRedis.class.getProtectionDomain().getCodeSource().getLocation();
            // never closed, like the class loader of a generation whose shutdown hook is still registered
            ModuleClassLoader loader = new ModuleClassLoader(module, DevRedisLiveReloadTest.class.getClassLoader());
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                ConfigSourceFactory factory = (ConfigSourceFactory) loader.loadClass(FACTORY).getConstructor().newInstance();
                SmallRyeConfig config = new SmallRyeConfigBuilder().withDefaultValue(DevRedis.ENABLED, "true").withSources(factory).build();
                String hosts = config.getValue(DevRedis.HOSTS, String.class);
                @SuppressWarnings("unchecked")
                Optional<Long> pid = (Optional<Long>) loader.loadClass(DevRedis.class.getName()).getMethod("pid").invoke(null);
                return new Generation(hosts, pid);
            } finally {
                thread.setContextClassLoader(previous);
            }
        }
    }

    /** Defines the module's classes itself (as Quarkus' reloadable class loader does), everything else from its parent. */
    private static final class ModuleClassLoader extends URLClassLoader {

        ModuleClassLoader(URL module, ClassLoader parent) {
            super(new URL[] { module }, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(MODULE_PACKAGE)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    loaded = findClass(name);
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }
    }
}
