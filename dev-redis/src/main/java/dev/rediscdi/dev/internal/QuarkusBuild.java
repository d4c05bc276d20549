package dev.rediscdi.dev.internal;

/**
 * Whether the caller runs inside a Quarkus build (augmentation). Quarkus runs the Redis extension at build time,
 * where it reads {@code redis.hosts} only to learn that the default client exists: no server must start then.
 * Quarkus offers no public way for a plain configuration source to tell; its build steps run with the class loader
 * it names "Deployment Class Loader" as context class loader (Quarkus 3), and nothing else does. Should that change,
 * the only effect is a needless local Redis during the build, stopped when the build's JVM exits.
 */
final class QuarkusBuild {

    private static final String DEPLOYMENT_CLASS_LOADER = "Deployment Class Loader";

    private QuarkusBuild() {
    }

    static boolean isRunning() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null && context.getName() != null && context.getName().startsWith(DEPLOYMENT_CLASS_LOADER);
    }
}
