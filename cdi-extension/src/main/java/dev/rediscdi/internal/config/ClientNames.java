package dev.rediscdi.internal.config;

import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.Config;

/**
 * Finds the configured clients in the property names and reports unknown keys.
 *
 * <p>Key scheme: {@code redis.<key>} configures the default client, {@code redis.<name>.<key>} a named
 * one. A client name is one segment of letters, digits, {@code _} and {@code -}, and may not be the first
 * segment of a key ({@code hosts}, {@code tls}, {@code timeout}...), so no key can be read two ways.
 */
public final class ClientNames {
    public static final String PREFIX = "redis.";
    private static final Pattern VALID_NAME = Pattern.compile("[A-Za-z0-9_-]+");

    /** The clients found: whether the default one is configured, and the named ones. */
    public record Discovery(boolean hasDefault, Set<String> named) {
    }

    private ClientNames() {
    }

    public static String key(String clientName, ConfigKey key) {
        return clientName == null ? PREFIX + key.suffix() : PREFIX + clientName + "." + key.suffix();
    }

    public static Discovery discover(Config config, ConfigProblems problems) {
        TreeMap<String, TreeSet<String>> namedKeys = new TreeMap<>();
        TreeSet<String> defaultKeys = new TreeSet<>();
        for (String property : config.getPropertyNames()) {
            if (!property.startsWith(PREFIX)) {
                continue;
            }
            if (fromEnvironment(property)) {
                // REDIS_URL, REDIS_PASSWORD...: platforms and tools set such variables for their own use, and MicroProfile
                // Config lists them as redis.url, redis.password. They override values, they never fail a deployment.
                continue;
            }
            String rest = property.substring(PREFIX.length());
            if (ConfigKey.isKnown(rest)) {
                defaultKeys.add(property);
                continue;
            }
            int dot = rest.indexOf('.');
            String first = dot > 0 ? rest.substring(0, dot) : null;
            String suffix = first == null ? null : rest.substring(dot + 1);
            if (first != null && ConfigKey.isReservedName(first) && ConfigKey.isKnown(suffix)) {
                problems.add(property, "\"" + first + "\" cannot be a client name: redis." + first
                        + " is a property of the default client", "choose another client name");
                continue;
            }
            if (first == null || ConfigKey.isReservedName(first)) {
                unknown(problems, property, PREFIX, rest);
                continue;
            }
            if (!VALID_NAME.matcher(first).matches()) {
                problems.add(property, "\"" + first + "\" is not a valid client name",
                        "use letters, digits, '_' and '-' only, as in redis.orders.hosts");
                continue;
            }
            if (!ConfigKey.isKnown(suffix)) {
                unknown(problems, property, PREFIX + first + ".", suffix);
                continue;
            }
            namedKeys.computeIfAbsent(first, name -> new TreeSet<>()).add(property);
        }
        boolean hasDefault = hasValue(config, ClientNames.key(null, ConfigKey.HOSTS));
        if (!hasDefault && !defaultKeys.isEmpty()) {
            problems.add(String.join(", ", defaultKeys), "configures the default client, but redis.hosts is not set",
                    "set redis.hosts (for example redis.hosts=redis://localhost:6379), or move the keys to a named client: redis.<name>.<key>");
        }
        TreeSet<String> named = new TreeSet<>();
        namedKeys.forEach((name, keys) -> {
            if (hasValue(config, key(name, ConfigKey.HOSTS))) {
                named.add(name);
            } else {
                problems.add(String.join(", ", keys), "configures client \"" + name + "\", but " + key(name, ConfigKey.HOSTS)
                        + " is not set", "set " + key(name, ConfigKey.HOSTS) + "=redis://host:port, or remove the keys");
            }
        });
        return new Discovery(hasDefault, named);
    }

    private static void unknown(ConfigProblems problems, String property, String prefix, String suffix) {
        String fix = DidYouMean.nearest(suffix, ConfigKey.suffixes())
                .map(known -> "did you mean " + prefix + known + "?")
                .orElse("remove it; the README lists every key");
        problems.add(property, "unknown property", fix);
    }

    /** Whether an environment variable of that name exists, by MicroProfile Config's mapping (non-alphanumerics to _). */
    static boolean fromEnvironment(String property) {
        String exact = property.replaceAll("[^A-Za-z0-9_]", "_");
        return System.getenv(exact) != null || System.getenv(exact.toUpperCase(java.util.Locale.ROOT)) != null;
    }

    private static boolean hasValue(Config config, String key) {
        return config.getOptionalValue(key, String.class).filter(value -> !value.isBlank()).isPresent();
    }
}
