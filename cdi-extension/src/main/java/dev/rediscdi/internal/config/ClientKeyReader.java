package dev.rediscdi.internal.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import io.vertx.redis.client.ProtocolVersion;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisReplicas;
import io.vertx.redis.client.RedisRole;

/**
 * Reads the keys of one client: each value typed, each problem reported to {@link ConfigProblems} with the exact
 * key, the value as it may be shown (never a secret) and the fix, the default taken instead so reading goes on.
 */
final class ClientKeyReader {
    private final Config config;
    private final ConfigProblems problems;
    private final String name;

    /** Credentials found in the URIs of the hosts key. */
    record Credentials(String user, String password) {
    }

    ClientKeyReader(Config config, ConfigProblems problems, String name) {
        this.config = config;
        this.problems = problems;
        this.name = name;
    }

    String key(ConfigKey key) {
        return ClientNames.key(name, key);
    }

    Optional<String> raw(ConfigKey key) {
        return config.getOptionalValue(key(key), String.class).map(String::trim).filter(value -> !value.isEmpty());
    }

    Optional<String> string(ConfigKey key) {
        return raw(key).or(key::defaultValue);
    }

    /** The value as a message may show it: masked for secrets and for URIs with credentials. */
    String shown(ConfigKey key) {
        if (key.secret()) {
            return "***";
        }
        return Secrets.maskUris(string(key).orElse(""));
    }

    Credentials endpoints(List<Endpoint> endpoints) {
        Optional<String> hosts = raw(ConfigKey.HOSTS);
        if (hosts.isEmpty()) {
            problems.add(key(ConfigKey.HOSTS), "not set", "set it to the Redis address, for example "
                    + key(ConfigKey.HOSTS) + "=redis://localhost:6379");
            return new Credentials(null, null);
        }
        String user = null;
        String password = null;
        for (String text : hosts.get().split(",")) {
            String entry = text.trim();
            if (entry.isEmpty()) {
                continue;
            }
            String shownEntry = Secrets.maskUris(entry);
            URI uri;
            try {
                uri = new URI(entry);
            } catch (URISyntaxException e) {
                problems.invalid(key(ConfigKey.HOSTS), shownEntry, "not a URI (" + Secrets.maskUris(e.getReason()) + ")",
                        "write it as redis://host:port, rediss://host:port or unix:///path/to/redis.sock");
                continue;
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (scheme.equals("unix")) {
                if (uri.getRawQuery() != null) {
                    problems.invalid(key(ConfigKey.HOSTS), shownEntry, "a query is not read on a unix socket URI",
                            "remove it: a unix:// client uses database 0");
                    continue;
                }
                if (uri.getPath() == null || uri.getPath().isEmpty()) {
                    problems.invalid(key(ConfigKey.HOSTS), shownEntry, "a unix socket URI needs a path",
                            "write it as unix:///path/to/redis.sock");
                    continue;
                }
                endpoints.add(new Endpoint(scheme, null, 0, uri.getPath()));
                continue;
            }
            if (!scheme.equals("redis") && !scheme.equals("rediss")) {
                problems.invalid(key(ConfigKey.HOSTS), shownEntry, "the scheme must be redis, rediss or unix",
                        "write it as redis://host:port (rediss:// for TLS)");
                continue;
            }
            if (uri.getHost() == null) {
                problems.invalid(key(ConfigKey.HOSTS), shownEntry, "no host name",
                        "write it as " + scheme + "://host:port");
                continue;
            }
            int port = uri.getPort() == -1 ? 6379 : uri.getPort();
            if (port < 1 || port > 65535) {
                problems.invalid(key(ConfigKey.HOSTS), shownEntry, "port " + port + " is out of range",
                        "use a port from 1 to 65535");
                continue;
            }
            if (uri.getRawQuery() != null) {
                problems.invalid(key(ConfigKey.HOSTS), shownEntry, "a query (?" + Secrets.maskUris("?" + uri.getRawQuery()).substring(1)
                        + ") is not read", "put the database in the path (" + scheme + "://host:port/1) and the name in "
                        + key(ConfigKey.CLIENT_NAME));
                continue;
            }
            String path = uri.getPath();
            if (path != null && !path.isEmpty() && !path.equals("/")) {
                if (!path.matches("/\\d{1,2}")) {
                    problems.invalid(key(ConfigKey.HOSTS), shownEntry, "the path must be a database number",
                            "write it as " + scheme + "://host:port/0");
                    continue;
                }
            } else {
                path = null;
            }
            if (uri.getRawUserInfo() != null) {
                String[] parts = uri.getRawUserInfo().split(":", 2);
                if (parts.length == 2) {
                    user = parts[0].isEmpty() ? null : decode(parts[0]);
                    password = decode(parts[1]);
                } else {
                    password = decode(parts[0]);
                }
            }
            endpoints.add(new Endpoint(scheme, uri.getHost(), port, path));
        }
        return new Credentials(user, password);
    }

    private String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    <E extends Enum<E>> E enumValue(ConfigKey key, Class<E> type, E fallback) {
        String value = string(key).orElseThrow();
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        problems.invalid(key(key), value, "not one of " + choices(type), "use one of " + choices(type));
        return fallback;
    }

    private <E extends Enum<E>> String choices(Class<E> type) {
        return String.join(", ", Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList());
    }

    ProtocolVersion protocol() {
        String value = string(ConfigKey.PROTOCOL).orElseThrow().toLowerCase(Locale.ROOT);
        switch (value) {
            case "resp3":
                return ProtocolVersion.RESP3;
            case "resp2":
                return ProtocolVersion.RESP2;
            default:
                problems.invalid(key(ConfigKey.PROTOCOL), value, "not a protocol version", "use resp3 or resp2");
                return ProtocolVersion.RESP3;
        }
    }

    boolean bool(ConfigKey key) {
        String value = string(key).orElseThrow();
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        problems.invalid(key(key), value, "not a boolean", "use true or false");
        return Boolean.parseBoolean(key.defaultValue().orElse("false"));
    }

    int integer(ConfigKey key, int min, int max) {
        String value = string(key).orElseThrow();
        int fallback = Integer.parseInt(key.defaultValue().orElseThrow());
        int parsed;
        try {
            parsed = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            problems.invalid(key(key), value, "not a whole number", "use a whole number"
                    + (max == Integer.MAX_VALUE ? " of at least " + min : " from " + min + " to " + max)
                    + ", for example " + key(key) + "=" + key.defaultValue().orElseThrow());
            return fallback;
        }
        if (parsed < min || parsed > max) {
            problems.invalid(key(key), value, "out of range",
                    "use a number " + (max == Integer.MAX_VALUE ? "of at least " + min : "from " + min + " to " + max));
            return fallback;
        }
        return parsed;
    }

    /**
     * Comma-separated names of {@code noun}s to subscribe to; empty when the key is not set. An empty entry (two commas
     * in a row, one at either end, a blank between two) is a problem rather than skipped: a name likely went missing.
     */
    List<String> topics(ConfigKey key, String noun) {
        Optional<String> value = raw(key);
        if (value.isEmpty()) {
            return List.of();
        }
        String[] entries = value.get().split(",", -1);
        List<String> topics = Arrays.stream(entries).map(String::trim).filter(item -> !item.isEmpty()).toList();
        if (topics.size() < entries.length) {
            problems.invalid(key(key), value.get(), "an empty " + noun + " name between commas", topics.isEmpty()
                    ? "name at least one " + noun + ", or remove the property"
                    : "name the " + noun + " or drop the extra comma: " + key(key) + "=" + String.join(",", topics));
        }
        return topics;
    }

    /** A duration that may be zero, such as a jitter of 0ms. */
    Duration durationOrZero(ConfigKey key) {
        String value = string(key).orElseThrow();
        if (value.matches("0+\\s*(ms|s|m|h)?") || value.equalsIgnoreCase("PT0S")) {
            return Duration.ZERO;
        }
        return duration(key);
    }

    double ratio(ConfigKey key) {
        String value = string(key).orElseThrow();
        try {
            double parsed = Double.parseDouble(value);
            if (parsed >= 0 && parsed <= 1) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below, like an out-of-range number
        }
        problems.invalid(key(key), value, "not a ratio from 0 to 1", "use a decimal number such as " + key.defaultValue().orElse("0.5"));
        return Double.parseDouble(key.defaultValue().orElse("0.5"));
    }

    /** Exception classes, loaded as the application sees them. */
    List<Class<? extends Throwable>> throwableClasses(ConfigKey key) {
        List<Class<? extends Throwable>> classes = new ArrayList<>();
        for (String text : string(key).orElse("").split(",")) {
            String className = text.trim();
            if (className.isEmpty()) {
                continue;
            }
            try {
                ClassLoader loader = Thread.currentThread().getContextClassLoader();
                Class<?> type = Class.forName(className, false, loader != null ? loader : ClientKeyReader.class.getClassLoader());
                if (Throwable.class.isAssignableFrom(type)) {
                    classes.add(type.asSubclass(Throwable.class));
                } else {
                    problems.invalid(key(key), className, "not an exception class", "name subclasses of java.lang.Throwable, such as dev.rediscdi.RedisTimeoutException");
                }
            } catch (ClassNotFoundException | LinkageError e) {
                problems.invalid(key(key), className, "no such class", "write fully qualified class names separated by commas, such as dev.rediscdi.RedisTimeoutException");
            }
        }
        return List.copyOf(classes);
    }

    Duration duration(ConfigKey key) {
        String value = string(key).orElseThrow();
        Optional<Duration> parsed = Durations.parse(value);
        if (parsed.isEmpty()) {
            problems.invalid(key(key), value, "not a duration",
                    "write a number with a unit: 500ms, 10s, 2m, 1h (or ISO-8601 such as PT10S)");
            return Durations.parse(key.defaultValue().orElseThrow()).orElseThrow();
        }
        if (parsed.get().isZero() || parsed.get().isNegative()) {
            problems.invalid(key(key), value, "must be longer than zero", "use a positive duration such as "
                    + key.defaultValue().orElseThrow());
            return Durations.parse(key.defaultValue().orElseThrow()).orElseThrow();
        }
        return parsed.get();
    }

    TlsConfig tls(boolean tlsHosts) {
        List<ConfigKey> tlsKeys = Arrays.stream(ConfigKey.values()).filter(k -> k.suffix().startsWith("tls.")).toList();
        List<String> given = tlsKeys.stream().filter(k -> raw(k).isPresent()).map(this::key).toList();
        if (!tlsHosts) {
            if (!given.isEmpty()) {
                problems.add(String.join(", ", given), "TLS settings, but no host in " + key(ConfigKey.HOSTS)
                        + " uses rediss://", "TLS is switched on by the scheme: write the hosts as rediss://host:port");
            }
            return null;
        }
        List<Path> trustPems = raw(ConfigKey.TLS_TRUST_CERTIFICATE_PEM)
                .map(value -> Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .map(file -> existingFile(ConfigKey.TLS_TRUST_CERTIFICATE_PEM, file)).toList())
                .orElse(List.of());
        Path trustStore = raw(ConfigKey.TLS_TRUST_STORE).map(file -> existingFile(ConfigKey.TLS_TRUST_STORE, file)).orElse(null);
        Path keyCertPem = raw(ConfigKey.TLS_KEY_CERTIFICATE_PEM).map(file -> existingFile(ConfigKey.TLS_KEY_CERTIFICATE_PEM, file)).orElse(null);
        Path keyPem = raw(ConfigKey.TLS_KEY_PEM).map(file -> existingFile(ConfigKey.TLS_KEY_PEM, file)).orElse(null);
        Path keyStore = raw(ConfigKey.TLS_KEY_STORE).map(file -> existingFile(ConfigKey.TLS_KEY_STORE, file)).orElse(null);
        if (!trustPems.isEmpty() && trustStore != null) {
            problems.add(key(ConfigKey.TLS_TRUST_CERTIFICATE_PEM) + ", " + key(ConfigKey.TLS_TRUST_STORE),
                    "two trust sources are given", "keep one of them");
        }
        if (raw(ConfigKey.TLS_KEY_CERTIFICATE_PEM).isPresent() != raw(ConfigKey.TLS_KEY_PEM).isPresent()) {
            problems.add(raw(ConfigKey.TLS_KEY_PEM).isPresent() ? key(ConfigKey.TLS_KEY_PEM) : key(ConfigKey.TLS_KEY_CERTIFICATE_PEM),
                    "a client certificate needs both the certificate and its key",
                    "set both " + key(ConfigKey.TLS_KEY_CERTIFICATE_PEM) + " and " + key(ConfigKey.TLS_KEY_PEM));
        }
        if (keyPem != null && keyStore != null) {
            problems.add(key(ConfigKey.TLS_KEY_PEM) + ", " + key(ConfigKey.TLS_KEY_STORE), "two client key sources are given",
                    "keep one of them");
        }
        String verification = string(ConfigKey.TLS_HOSTNAME_VERIFICATION).orElseThrow();
        boolean verifyHost = true;
        if (verification.equalsIgnoreCase("NONE")) {
            verifyHost = false;
        } else if (!verification.equalsIgnoreCase("HTTPS")) {
            problems.invalid(key(ConfigKey.TLS_HOSTNAME_VERIFICATION), verification, "not a verification mode",
                    "use HTTPS (checks the certificate names the host) or NONE (no check, not for production)");
        }
        return new TlsConfig(trustPems, trustStore, raw(ConfigKey.TLS_TRUST_STORE_PASSWORD).orElse(null),
                storeType(ConfigKey.TLS_TRUST_STORE_TYPE, trustStore),
                keyCertPem, keyPem, keyStore, raw(ConfigKey.TLS_KEY_STORE_PASSWORD).orElse(null),
                storeType(ConfigKey.TLS_KEY_STORE_TYPE, keyStore), verifyHost, bool(ConfigKey.TLS_TRUST_ALL));
    }

    private Path existingFile(ConfigKey key, String file) {
        Path path = Path.of(file);
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            problems.invalid(key(key), file, "no readable file there", "give the path of an existing, readable file");
        }
        return path;
    }

    private String storeType(ConfigKey key, Path store) {
        Optional<String> given = raw(key).map(value -> value.toLowerCase(Locale.ROOT));
        if (given.isPresent()) {
            if (!given.get().equals("jks") && !given.get().equals("pkcs12")) {
                problems.invalid(key(key), given.get(), "not a store type", "use jks or pkcs12");
            }
            return given.get();
        }
        if (store == null) {
            return null;
        }
        String file = store.getFileName().toString().toLowerCase(Locale.ROOT);
        if (file.endsWith(".jks")) {
            return "jks";
        }
        if (file.endsWith(".p12") || file.endsWith(".pfx") || file.endsWith(".pkcs12")) {
            return "pkcs12";
        }
        problems.add(key(key), "the store type cannot be told from the file name " + file, "set " + key(key) + " to jks or pkcs12");
        return null;
    }
}
