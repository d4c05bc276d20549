package dev.rediscdi.internal.config;

import java.util.List;

import io.smallrye.config.ConfigValidationException;

/**
 * Where SmallRye Config is present (Quarkus, WildFly), gives a configuration exception found at run time a SmallRye
 * {@link ConfigValidationException} listing the same problems as its cause. Quarkus reports a start-up failure whose
 * root cause is one by its message alone, as it reports its own configuration errors, instead of a stack trace through
 * the synthetic beans and observers that met the problem.
 */
final class ConfigValidationCause {
    private static final boolean SMALLRYE_CONFIG = present();

    private ConfigValidationCause() {
    }

    static void attach(RuntimeException exception, List<String> problems) {
        if (SMALLRYE_CONFIG) {
            exception.initCause(new ConfigValidationException(
                    problems.stream().map(ConfigValidationException.Problem::new).toArray(ConfigValidationException.Problem[]::new)));
        }
    }

    private static boolean present() {
        try {
            Class.forName("io.smallrye.config.ConfigValidationException", false, ConfigValidationCause.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }
}
