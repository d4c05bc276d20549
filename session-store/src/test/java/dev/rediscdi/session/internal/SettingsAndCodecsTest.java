package dev.rediscdi.session.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InvalidClassException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.rediscdi.RedisConfigurationException;
import dev.rediscdi.internal.config.ConfigProblems;
import dev.rediscdi.session.SessionCodec;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

class SettingsAndCodecsTest {

    private static SessionSettings read(Map<String, String> properties) {
        return new SessionSettingsReader(new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 500)).build()).read();
    }

    @Test
    void shouldApplyTheDocumentedDefaults() {
        SessionSettings settings = read(Map.of());
        assertThat(settings.client()).isEmpty();
        assertThat(settings.keyPrefix()).isEqualTo("session:");
        assertThat(settings.idleTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(settings.cookie()).isEqualTo(new CookieSettings("SESSION", true, true, "Lax", java.util.Optional.empty(), java.util.Optional.empty(), -1));
        assertThat(settings.unavailableStatus()).isEqualTo(503);
        assertThat(settings.writePolicy()).isEqualTo(WritePolicy.CHANGED);
        assertThat(settings.onUnreadable()).isEqualTo(UnreadablePolicy.DROP);
        assertThat(settings.localCache()).isEqualTo(LocalCache.TRACKING);
    }

    @Test
    void shouldNameTheChoicesOfLocalCache() {
        assertThat(read(Map.of("redis-session.local-cache", "OFF")).localCache()).isEqualTo(LocalCache.OFF);
        assertThatThrownBy(() -> read(Map.of("redis-session.local-cache", "lru")))
                .isInstanceOfSatisfying(RedisConfigurationException.class, e -> assertThat(e.problems()).containsExactly(
                        "redis-session.local-cache = \"lru\": not one of the choices. Fix: use tracking or off"));
    }

    @Test
    void shouldListEveryProblemWithKeyValueAndFix() {
        assertThatThrownBy(() -> read(Map.of("redis-session.idle-timeout", "30", "redis-session.key-prefix", "a{b}",
                "redis-session.cookie.same-site", "None", "redis-session.cookie.secure", "false", "redis-session.codek", "java",
                "redis-session.unavailable-status", "200")))
                .isInstanceOfSatisfying(RedisConfigurationException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
                        "redis-session.codek: unknown property. Fix: did you mean redis-session.codec?",
                        "redis-session.key-prefix = \"a{b}\": may only hold letters, digits and : . _ / - (braces would change the keys' hash slots). Fix: use a prefix such as shop:session:",
                        "redis-session.idle-timeout = \"30\": not a positive duration. Fix: write a number with a unit: 500ms, 30s, 30m, 8h (or ISO-8601 such as PT30M)",
                        "redis-session.cookie.same-site = \"None\": browsers reject SameSite=None without Secure. Fix: set redis-session.cookie.secure=true, or use Lax",
                        "redis-session.unavailable-status = \"200\": out of range or not a number. Fix: use a 5xx status such as 503"));
    }

    @Test
    void shouldRoundTripAllowedValuesWithJsonbAndRefuseOthers() throws Exception {
        SessionSettings settings = read(Map.of("redis-session.codec", "jsonb", "redis-session.serialization.allow", "dev.rediscdi.session.internal.*"));
        SessionCodec codec = Codecs.create(settings, getClass().getClassLoader(), new ConfigProblems());
        Item item = new Item();
        item.name = "pear";
        item.count = 3;
        Item back = (Item) codec.decode(codec.encode(item), getClass().getClassLoader());
        assertThat(back.name).isEqualTo("pear");
        assertThat(back.count).isEqualTo(3);
        assertThat(codec.decode(codec.encode(new ArrayList<>(List.of("a"))), getClass().getClassLoader())).isEqualTo(List.of("a"));
        assertThatThrownBy(() -> codec.decode("java.io.File\n\"/etc/passwd\"".getBytes(), getClass().getClassLoader()))
                .isInstanceOf(InvalidClassException.class).hasMessageContaining("not in redis-session.serialization.allow");
    }

    @Test
    void shouldRefuseToWriteWithJsonbWhatItWouldRefuseToRead() {
        SessionSettings settings = read(Map.of("redis-session.codec", "jsonb", "redis-session.serialization.allow", "dev.rediscdi.session.internal.*",
                "redis-session.serialization.max-bytes", "100"));
        SessionCodec codec = Codecs.create(settings, getClass().getClassLoader(), new ConfigProblems());
        assertThatThrownBy(() -> codec.encode(new java.io.File("/tmp")))
                .isInstanceOf(UnreadableValueException.class).hasMessageStartingWith("it holds a java.io.File, a class redis-session.serialization.allow does not list");
        Item big = new Item();
        big.name = "x".repeat(100);
        assertThatThrownBy(() -> codec.encode(big))
                .isInstanceOf(UnreadableValueException.class).hasMessageStartingWith("it encodes to more than 100 bytes, over redis-session.serialization.max-bytes=100");
    }

    @Test
    void shouldTellAValueJavaSerializationWritesButWouldNotReadBackAndWhy() throws Exception {
        ClassLoader loader = getClass().getClassLoader();
        JavaSerializationCodec codec = (JavaSerializationCodec) Codecs.create(read(Map.of("redis-session.serialization.allow",
                "dev.rediscdi.session.internal.*")), loader, new ConfigProblems());
        byte[] upload = new byte[150_000]; // within max-bytes (1 MiB), over max-array-length (100000)
        byte[] bytes = codec.encode(upload);
        assertThatThrownBy(() -> codec.decode(bytes, loader)).as("what reading does with these bytes").isInstanceOf(InvalidClassException.class);
        assertThatThrownBy(() -> codec.checkReadable(bytes, loader)).isInstanceOf(UnreadableValueException.class)
                .hasMessage("reading it back makes an array of 150000 elements (an array it holds, or the table of a collection), over "
                        + "redis-session.serialization.max-array-length=100000, so it could never be read back. Fix: keep less in the session, "
                        + "or raise redis-session.serialization.max-array-length");

        byte[] broken = codec.encode(new WritesWhatItCannotRead());
        assertThatThrownBy(() -> codec.checkReadable(broken, loader)).isInstanceOf(UnreadableValueException.class)
                .hasMessageStartingWith("reading it back fails with java.io.InvalidObjectException (the cause), so it could never be read back.")
                .hasMessageNotContaining("secret").cause().hasMessageContaining("secret");

        Set<String> small = new HashSet<>(Set.of("one", "two"));
        codec.checkReadable(codec.encode(small), loader); // reads back: nothing thrown
        assertThat(codec.decode(codec.encode(small), loader)).isEqualTo(small);
    }

    @Test
    void shouldTellAValueJsonbWritesButCannotReadBack() throws Exception {
        ClassLoader loader = getClass().getClassLoader();
        JsonbCodec codec = (JsonbCodec) Codecs.create(read(Map.of("redis-session.codec", "jsonb", "redis-session.serialization.allow",
                "dev.rediscdi.session.internal.*")), loader, new ConfigProblems());
        byte[] bytes = codec.encode(new NoDefaultConstructor("pear"));
        assertThatThrownBy(() -> codec.checkReadable(bytes, loader)).isInstanceOf(UnreadableValueException.class)
                .hasMessageStartingWith("reading it back fails with jakarta.json.bind.JsonbException (the cause), so it could never be read back."
                        + " Fix: make the class read what it writes (its readObject; for jsonb, a public no-argument constructor or a @JsonbCreator)");
        Item item = new Item();
        item.name = "pear";
        codec.checkReadable(codec.encode(item), loader); // reads back: nothing thrown
    }

    @Test
    void shouldNameTheFixForAnUnknownCodec() {
        ConfigProblems problems = new ConfigProblems();
        Codecs.create(read(Map.of("redis-session.codec", "com.example.Nope")), getClass().getClassLoader(), problems);
        assertThat(problems.list()).singleElement().asString().startsWith("redis-session.codec = \"com.example.Nope\": neither java, jsonb nor a class");
    }

    /** Writes itself, but its reading refuses what it wrote, with a message that quotes its data. */
    public static class WritesWhatItCannotRead implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final String data = "secret";

        private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
            in.defaultReadObject();
            throw new java.io.InvalidObjectException("cannot read " + data);
        }
    }

    /** JSON-B writes its property, but cannot make one when reading: no no-argument constructor, no {@code @JsonbCreator}. */
    public static class NoDefaultConstructor {
        private final String name;

        public NoDefaultConstructor(String name) {
            this.name = name;
        }

        public String getName() {
            return name;
        }
    }

    /** A JSON-B bean. */
    public static class Item {
        public String name;
        public int count;
    }
}
