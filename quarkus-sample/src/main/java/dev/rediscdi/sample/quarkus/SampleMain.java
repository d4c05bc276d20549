package dev.rediscdi.sample.quarkus;

import org.eclipse.microprofile.config.ConfigProvider;

import dev.rediscdi.testing.RedisServer;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * {@code java -jar target/quarkus-app/quarkus-run.jar}: runs the sample against the Redis named by
 * {@code REDIS_HOSTS} (environment) or {@code -Dredis.hosts=...}; with neither, starts a local
 * {@code redis-server} on a free port for the life of the application and points both clients at it
 * (the {@code cache} client at its database 1).
 */
@QuarkusMain
public class SampleMain {

    public static void main(String... args) {
        RedisServer local = null;
        if (isBlank(System.getenv("REDIS_HOSTS")) && isBlank(System.getProperty("redis.hosts"))) {
            local = RedisServer.builder().start();
            System.setProperty("redis.hosts", local.uri());
            System.setProperty("redis.cache.hosts", local.uri() + "/1");
            System.out.println("No REDIS_HOSTS or -Dredis.hosts: started " + local.binary() + " at " + local.uri()
                    + " (pid " + local.pid() + "), stopped with the application");
        }
        try {
            Quarkus.run(Sample.class, args);
        } finally {
            if (local != null) {
                local.close();
            }
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** Prints where to look once the application is up, then runs until it is stopped (Ctrl+C, SIGTERM). */
    public static class Sample implements QuarkusApplication {
        @Override
        public int run(String... args) {
            int port = ConfigProvider.getConfig().getOptionalValue("quarkus.http.port", Integer.class).orElse(8080);
            System.out.println("Redis CDI Quarkus sample ready: open http://localhost:" + port + "/visits/home");
            Quarkus.waitForExit();
            return 0;
        }
    }
}
