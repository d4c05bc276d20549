package dev.rediscdi.samples;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * One sample file, and what a user does with it: replace the values its header says to replace, supply the
 * {@code ${...}} values from outside (here: a config source standing for the environment), and possibly
 * uncomment its optional lines: {@code # redis.key=value}, exactly so (one space, no space in
 * the value), which prose in the comments never is. Every replacement must hit a key the file has,
 * and every supplied value must be one the file refers to: a test cannot quietly add what the sample lacks.
 */
final class Sample {
    private static final Pattern OPTIONAL_LINE = Pattern.compile("^# (redis\\.[A-Za-z0-9_.-]+)=(\\S+)$");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([A-Za-z0-9_.]+)(:[^}]*)?}");

    private final String fileName;
    private final String text;
    private final Map<String, String> active;
    private final Map<String, String> optional;
    private final Map<String, String> replaced = new LinkedHashMap<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private boolean withOptionalLines;

    private Sample(String fileName, String text) {
        this.fileName = fileName;
        this.text = text;
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.active = new TreeMap<>();
        properties.stringPropertyNames().forEach(key -> active.put(key, properties.getProperty(key)));
        this.optional = new TreeMap<>();
        text.lines().map(OPTIONAL_LINE::matcher).filter(Matcher::matches)
                .forEach(m -> optional.put(m.group(1), m.group(2).trim()));
    }

    static Sample load(String fileName) {
        try {
            return new Sample(fileName, Files.readString(Samples.directory().resolve(fileName), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String fileName() {
        return fileName;
    }

    String text() {
        return text;
    }

    /** The keys and values the file sets, as MicroProfile Config would read them. */
    Map<String, String> properties() {
        return Map.copyOf(active);
    }

    /** The {@code # redis.key=value} lines: settings the header offers to uncomment. */
    Map<String, String> optionalProperties() {
        return Map.copyOf(optional);
    }

    /** The names used in {@code ${NAME}} or {@code ${NAME:default}} expressions, anywhere in the file. */
    Set<String> referencedNames() {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = EXPRESSION.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** Replaces the value of a key the file sets (or offers as an optional line). */
    Sample replace(String key, String value) {
        if (!active.containsKey(key) && !optional.containsKey(key)) {
            throw new AssertionError(fileName + " has no " + key + " to replace; it has " + active.keySet());
        }
        replaced.put(key, value);
        return this;
    }

    /** Replaces a value by a function of the file's own value. */
    Sample replace(String key, UnaryOperator<String> change) {
        String original = active.containsKey(key) ? active.get(key) : optional.get(key);
        if (original == null) {
            throw new AssertionError(fileName + " has no " + key + " to replace; it has " + active.keySet());
        }
        String changed = change.apply(original);
        if (changed.equals(original)) {
            throw new AssertionError(key + " = " + original + " in " + fileName + " was not changed by the replacement");
        }
        return replace(key, changed);
    }

    /** Supplies the value of {@code ${name}}, as the environment or a secret store would. */
    Sample environment(String name, String value) {
        if (!referencedNames().contains(name)) {
            throw new AssertionError(fileName + " does not refer to ${" + name + "}; it refers to " + referencedNames());
        }
        environment.put(name, value);
        return this;
    }

    /** Uncomments every optional {@code # redis.key=value} line. */
    Sample withOptionalLines() {
        if (optional.isEmpty()) {
            throw new AssertionError(fileName + " has no optional line");
        }
        this.withOptionalLines = true;
        return this;
    }

    /** The properties after the user's edits, before {@code ${...}} expansion. */
    Map<String, String> edited() {
        Map<String, String> result = new TreeMap<>(active);
        if (withOptionalLines) {
            result.putAll(optional);
        }
        replaced.forEach((key, value) -> {
            if (!result.containsKey(key)) {
                throw new AssertionError(key + " is an optional line of " + fileName + ": call withOptionalLines() to replace it");
            }
            result.put(key, value);
        });
        return result;
    }

    /**
     * The MicroProfile Config an application would see: the edited file (ordinal 100, like
     * microprofile-config.properties) and the supplied values (ordinal 300, like environment variables),
     * with SmallRye's expression expansion. No real environment variable or system property takes part.
     */
    SmallRyeConfig config() {
        return new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(edited(), fileName, 100))
                .withSources(new PropertiesConfigSource(new LinkedHashMap<>(environment), "environment", 300))
                .build();
    }

    /** The config installed for the thread context class loader, for a Weld container booted next. */
    InstalledConfig install() {
        return new InstalledConfig(config());
    }

    List<String> describeEdits() {
        List<String> edits = new ArrayList<>();
        replaced.forEach((key, value) -> edits.add(key + " -> " + value));
        environment.keySet().forEach(name -> edits.add("${" + name + "} supplied"));
        if (withOptionalLines) {
            edits.add("optional lines on");
        }
        return edits;
    }

    @Override
    public String toString() {
        return fileName + " " + describeEdits();
    }
}
