package dev.rediscdi.session.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.Config;

import dev.rediscdi.internal.config.ConfigProblems;
import dev.rediscdi.internal.config.DidYouMean;
import dev.rediscdi.internal.config.Durations;

/**
 * Reads and checks the {@code redis-session.*} properties. The prefix is not {@code redis.}: the extension reads
 * {@code redis.<name>.*} as a named client, so {@code redis.session.client} would configure a client "session".
 * Every problem is collected and reported at once, with the key, the value and the fix.
 */
final class SessionSettingsReader {
    private static final Pattern CLIENT_NAME = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern COOKIE_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");
    private static final Pattern SAFE_PREFIX = Pattern.compile("[A-Za-z0-9:._/-]*");
    private static final Pattern ALLOW_ENTRY = Pattern.compile("[A-Za-z0-9_$.]+(\\.\\*|\\.\\*\\*|\\*)?");

    private final Config config;
    private final ConfigProblems problems = new ConfigProblems();

    SessionSettingsReader(Config config) {
        this.config = config;
    }

    SessionSettings read() {
        unknownKeys();
        Optional<String> client = text(SettingKey.CLIENT);
        client.filter(name -> !CLIENT_NAME.matcher(name).matches()).ifPresent(name -> problems.invalid(SettingKey.CLIENT.key(), name,
                "not a client name", "name a client configured as redis.<name>.hosts (letters, digits, '_' and '-'), or leave it unset for the default client"));
        String prefix = text(SettingKey.KEY_PREFIX).orElse(SettingKey.KEY_PREFIX.defaultValue());
        if (!SAFE_PREFIX.matcher(prefix).matches()) {
            problems.invalid(SettingKey.KEY_PREFIX.key(), prefix, "may only hold letters, digits and : . _ / - (braces would change the keys' hash slots)",
                    "use a prefix such as shop:session:");
        }
        Duration idle = duration(SettingKey.IDLE_TIMEOUT, true);
        Duration absolute = duration(SettingKey.ABSOLUTE_TIMEOUT, false);
        Duration touch = duration(SettingKey.TOUCH_INTERVAL, true);
        Duration sweep = duration(SettingKey.SWEEP_INTERVAL, true);
        if (!absolute.isZero() && absolute.compareTo(idle) < 0) {
            problems.invalid(SettingKey.ABSOLUTE_TIMEOUT.key(), Durations.format(absolute), "is shorter than " + SettingKey.IDLE_TIMEOUT.key() + " ("
                    + Durations.format(idle) + "), so the idle timeout could never apply", "make it longer than the idle timeout, or 0s for none");
        }
        String codec = text(SettingKey.CODEC).orElse(SettingKey.CODEC.defaultValue());
        SerializationLimits limits = new SerializationLimits(allowList(), positive(SettingKey.MAX_DEPTH), positive(SettingKey.MAX_REFERENCES),
                positive(SettingKey.MAX_ARRAY_LENGTH), positive(SettingKey.MAX_BYTES));
        SessionSettings settings = new SessionSettings(client, prefix, idle, absolute, touch, sweep, cookie(), codec, limits,
                choice(SettingKey.ON_UNREADABLE_ATTRIBUTE, UnreadablePolicy.class, UnreadablePolicy.DROP),
                status(), choice(SettingKey.WRITE_POLICY, WritePolicy.class, WritePolicy.CHANGED),
                choice(SettingKey.LOCAL_CACHE, LocalCache.class, LocalCache.TRACKING));
        problems.throwIfAny();
        return settings;
    }

    ConfigProblems problems() {
        return problems;
    }

    private void unknownKeys() {
        for (String property : config.getPropertyNames()) {
            if (!property.startsWith(SettingKey.PREFIX)) {
                continue;
            }
            String suffix = property.substring(SettingKey.PREFIX.length());
            if (!SettingKey.isKnown(suffix)) {
                problems.add(property, "unknown property", DidYouMean.nearest(suffix, SettingKey.suffixes())
                        .map(known -> "did you mean " + SettingKey.PREFIX + known + "?").orElse("remove it; the README lists every key"));
            }
        }
    }

    private CookieSettings cookie() {
        String name = text(SettingKey.COOKIE_NAME).orElse(SettingKey.COOKIE_NAME.defaultValue());
        if (!COOKIE_NAME.matcher(name).matches()) {
            problems.invalid(SettingKey.COOKIE_NAME.key(), name, "not a valid cookie name", "use letters, digits and - _ . only, such as SESSION");
        }
        boolean secure = bool(SettingKey.COOKIE_SECURE);
        String sameSite = text(SettingKey.COOKIE_SAME_SITE).orElse(SettingKey.COOKIE_SAME_SITE.defaultValue());
        String normalized = switch (sameSite.toLowerCase(Locale.ROOT)) {
            case "lax" -> "Lax";
            case "strict" -> "Strict";
            case "none" -> "None";
            default -> {
                problems.invalid(SettingKey.COOKIE_SAME_SITE.key(), sameSite, "not a SameSite value", "use Lax (the default), Strict or None");
                yield "Lax";
            }
        };
        if (normalized.equals("None") && !secure) {
            problems.invalid(SettingKey.COOKIE_SAME_SITE.key(), sameSite, "browsers reject SameSite=None without Secure",
                    "set " + SettingKey.COOKIE_SECURE.key() + "=true, or use Lax");
        }
        Optional<String> path = text(SettingKey.COOKIE_PATH);
        path.filter(p -> !SessionCookies.isCookiePath(p))
                .ifPresent(p -> problems.invalid(SettingKey.COOKIE_PATH.key(), p, "not a cookie path", "start it with / and leave out spaces and ;"));
        Optional<String> domain = text(SettingKey.COOKIE_DOMAIN);
        domain.filter(d -> !d.matches("[A-Za-z0-9.-]+"))
                .ifPresent(d -> problems.invalid(SettingKey.COOKIE_DOMAIN.key(), d, "not a domain name", "use a host name such as example.com, or leave it unset"));
        int maxAge = (int) integer(SettingKey.COOKIE_MAX_AGE, -1, Integer.MAX_VALUE, "-1 (until the browser closes) or seconds");
        return new CookieSettings(name, bool(SettingKey.COOKIE_HTTP_ONLY), secure, normalized, path, domain, maxAge);
    }

    private List<String> allowList() {
        Optional<String> value = text(SettingKey.ALLOW);
        if (value.isEmpty()) {
            return List.of();
        }
        List<String> entries = Arrays.stream(value.get().split(",")).map(String::trim).filter(entry -> !entry.isEmpty()).toList();
        for (String entry : entries) {
            if (!ALLOW_ENTRY.matcher(entry).matches()) {
                problems.invalid(SettingKey.ALLOW.key(), value.get(), "\"" + entry + "\" is not a class name or package pattern",
                        "list classes (com.shop.Cart), packages (com.shop.*) or package trees (com.shop.**), separated by commas");
            }
        }
        return entries;
    }

    private int status() {
        return (int) integer(SettingKey.UNAVAILABLE_STATUS, 500, 599, "a 5xx status such as 503");
    }

    private Duration duration(SettingKey key, boolean positive) {
        String value = text(key).orElse(key.defaultValue());
        Optional<Duration> parsed = Durations.parse(value);
        if (parsed.isEmpty() || parsed.get().isNegative() || (positive && parsed.get().isZero())) {
            problems.invalid(key.key(), value, positive ? "not a positive duration" : "not a duration",
                    "write a number with a unit: 500ms, 30s, 30m, 8h (or ISO-8601 such as PT30M)" + (positive ? "" : "; 0s for none"));
            return Durations.parse(key.defaultValue()).orElseThrow();
        }
        return parsed.get();
    }

    private long positive(SettingKey key) {
        return integer(key, 1, Long.MAX_VALUE, "a positive whole number");
    }

    private long integer(SettingKey key, long min, long max, String expected) {
        String value = text(key).orElse(key.defaultValue());
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        problems.invalid(key.key(), value, "out of range or not a number", "use " + expected);
        return Long.parseLong(key.defaultValue());
    }

    private boolean bool(SettingKey key) {
        String value = text(key).orElse(key.defaultValue());
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                problems.invalid(key.key(), value, "not a boolean", "use true or false");
                yield Boolean.parseBoolean(key.defaultValue());
            }
        };
    }

    private <E extends Enum<E>> E choice(SettingKey key, Class<E> type, E fallback) {
        String value = text(key).orElse(key.defaultValue());
        for (E constant : type.getEnumConstants()) {
            if (constant.name().replace('_', '-').equalsIgnoreCase(value.trim())) {
                return constant;
            }
        }
        problems.invalid(key.key(), value, "not one of the choices", "use " + String.join(" or ",
                Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList()));
        return fallback;
    }

    private Optional<String> text(SettingKey key) {
        return config.getOptionalValue(key.key(), String.class).map(String::trim).filter(value -> !value.isEmpty());
    }
}
