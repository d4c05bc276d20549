package dev.rediscdi.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import dev.rediscdi.RedisConnectionException;
import dev.rediscdi.RedisConnectionLostException;
import dev.rediscdi.RedisOverloadedException;
import dev.rediscdi.RedisTimeoutException;
import dev.rediscdi.internal.config.ClientConfig;
import dev.rediscdi.internal.config.Endpoint;
import dev.rediscdi.internal.config.FaultToleranceConfig;
import dev.rediscdi.testing.TlsMaterial;
import io.vertx.redis.client.ProtocolVersion;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisReplicas;
import io.vertx.redis.client.RedisRole;

/**
 * Every file in samples/ against the library's own start-up validation, with no Redis: one explicit case per
 * file (a file without a case fails {@link #everySampleFileHasAnExplicitCase}), filled in as a user would
 * (secrets supplied from outside, file paths pointing at real generated TLS material), and checked both as
 * shipped and with its optional {@code # redis.key=value} lines uncommented.
 */
class SamplesTest {
    private static final String PASSWORD = "s3cret-from-env";
    private static final String STORE_PASSWORD_NOTE = "the generated stores' password";

    @TempDir
    static Path temp;
    static TlsMaterial tls;

    @BeforeAll
    static void generateTlsMaterial() {
        tls = TlsMaterial.generate(temp.resolve("tls"));
    }

    /** How a user fills in the file, and what the library must read from it (the flag: optional lines on). */
    record Case(UnaryOperator<Sample> fill, BiConsumer<Validation, Boolean> check) {
    }

    static Map<String, Case> cases() {
        Map<String, Case> cases = new LinkedHashMap<>();
        cases.put("local.properties", new Case(sample -> sample, (v, optional) -> {
            ClientConfig c = only(v);
            assertThat(c.endpoints()).containsExactly(new Endpoint("redis", "localhost", 6379, null));
            assertThat(c.password()).isNull();
            assertThat(c.tls()).isNull();
        }));
        cases.put("password.properties", new Case(sample -> sample.environment("REDIS_PASSWORD", PASSWORD), (v, optional) -> {
            ClientConfig c = only(v);
            assertThat(c.endpoints()).containsExactly(new Endpoint("redis", "redis.example.com", 6379, null));
            assertThat(c.username()).isNull();
            assertThat(c.password()).isEqualTo(PASSWORD);
        }));
        cases.put("acl-user.properties", new Case(sample -> sample.environment("REDIS_PASSWORD", PASSWORD), (v, optional) -> {
            ClientConfig c = only(v);
            assertThat(c.username()).as("${REDIS_USERNAME:app} falls back to app").isEqualTo("app");
            assertThat(c.password()).isEqualTo(PASSWORD);
            assertThat(c.clientName()).isEqualTo("orders-service");
        }));
        cases.put("tls.properties", new Case(sample -> sample.environment("REDIS_PASSWORD", PASSWORD)
                .replace("redis.tls.trust-certificate-pem", tls.caCertPem().toString()), (v, optional) -> {
                    ClientConfig c = only(v);
                    assertThat(c.endpoints()).allMatch(Endpoint::tls);
                    assertThat(c.tls().trustCertificatePems()).containsExactly(tls.caCertPem());
                    assertThat(c.tls().hostnameVerification()).isTrue();
                    assertThat(c.tls().keyPem()).isNull();
                    assertThat(c.password()).isEqualTo(PASSWORD);
                }));
        cases.put("mutual-tls.properties", new Case(sample -> sample.environment("REDIS_PASSWORD", PASSWORD)
                .replace("redis.tls.trust-certificate-pem", tls.caCertPem().toString())
                .replace("redis.tls.key-certificate-pem", tls.clientCertPem().toString())
                .replace("redis.tls.key-pem", tls.clientKeyPem().toString()), (v, optional) -> {
                    ClientConfig c = only(v);
                    assertThat(c.endpoints()).allMatch(Endpoint::tls);
                    assertThat(c.tls().keyCertificatePem()).isEqualTo(tls.clientCertPem());
                    assertThat(c.tls().keyPem()).isEqualTo(tls.clientKeyPem());
                    assertThat(c.tls().hostnameVerification()).isTrue();
                    assertThat(c.username()).isEqualTo("app");
                    assertThat(c.password()).isEqualTo(PASSWORD);
                }));
        cases.put("tls-keystores.properties", new Case(sample -> sample.environment("REDIS_PASSWORD", PASSWORD)
                .environment("REDIS_TRUST_STORE_PASSWORD", tls.storePassword())
                .environment("REDIS_KEY_STORE_PASSWORD", tls.storePassword())
                .replace("redis.tls.trust-store", tls.trustStoreP12().toString())
                .replace("redis.tls.key-store", tls.clientKeyStoreJks().toString()), (v, optional) -> {
                    ClientConfig c = only(v);
                    assertThat(c.tls().trustStore()).isEqualTo(tls.trustStoreP12());
                    assertThat(c.tls().trustStoreType()).isEqualTo("pkcs12");
                    assertThat(c.tls().trustStorePassword()).as(STORE_PASSWORD_NOTE).isEqualTo(tls.storePassword());
                    assertThat(c.tls().keyStore()).isEqualTo(tls.clientKeyStoreJks());
                    assertThat(c.tls().keyStoreType()).isEqualTo("jks");
                    assertThat(c.tls().keyStorePassword()).as(STORE_PASSWORD_NOTE).isEqualTo(tls.storePassword());
                }));
        cases.put("sentinel.properties", new Case(sample -> sample.environment("REDIS_PASSWORD", PASSWORD), (v, optional) -> {
            ClientConfig c = only(v);
            assertThat(c.clientType()).isEqualTo(RedisClientType.SENTINEL);
            assertThat(c.endpoints()).hasSize(3).allMatch(e -> e.port() == 26379);
            assertThat(c.masterName()).isEqualTo("mymaster");
            assertThat(c.role()).isEqualTo(RedisRole.MASTER);
            assertThat(c.autoFailover()).isTrue();
            assertThat(c.protocol()).isEqualTo(ProtocolVersion.RESP3);
            assertThat(c.password()).isEqualTo(optional ? PASSWORD : null);
        }));
        cases.put("cluster.properties", new Case(sample -> sample.environment("REDIS_PASSWORD", PASSWORD), (v, optional) -> {
            ClientConfig c = only(v);
            assertThat(c.clientType()).isEqualTo(RedisClientType.CLUSTER);
            assertThat(c.endpoints()).hasSize(3).allMatch(e -> e.path() == null);
            assertThat(c.replicas()).isEqualTo(RedisReplicas.NEVER);
            assertThat(c.hashSlotCacheTtl()).isEqualTo(Duration.ofSeconds(1));
            assertThat(c.password()).isEqualTo(optional ? PASSWORD : null);
        }));
        cases.put("replicas-for-reads.properties", new Case(sample -> sample.environment("REDIS_PASSWORD", PASSWORD), (v, optional) -> {
            ClientConfig c = only(v);
            assertThat(c.clientType()).isEqualTo(RedisClientType.REPLICATION);
            assertThat(c.replicas()).isEqualTo(RedisReplicas.SHARE);
            assertThat(c.endpoints()).hasSize(3);
            assertThat(c.password()).isEqualTo(optional ? PASSWORD : null);
        }));
        cases.put("named-clients.properties", new Case(sample -> sample.environment("REDIS_PASSWORD", PASSWORD), (v, optional) -> {
            assertThat(v.defaultClient()).isNotNull();
            assertThat(v.named()).containsOnlyKeys("cache", "sessions");
            assertThat(v.defaultClient().endpoints()).extracting(Endpoint::path).containsExactly("/0");
            assertThat(v.named().get("cache").endpoints()).extracting(Endpoint::path).containsExactly("/1");
            assertThat(v.named().get("sessions").endpoints()).extracting(Endpoint::path).containsExactly("/2");
            assertThat(v.named().get("cache").timeout()).isEqualTo(Duration.ofMillis(500));
            assertThat(v.defaultClient().timeout()).as("not inherited from redis.cache").isEqualTo(Duration.ofSeconds(10));
            assertThat(v.named().get("sessions").clientName()).isEqualTo("sessions");
            assertThat(List.of(v.defaultClient(), v.named().get("cache"), v.named().get("sessions")))
                    .extracting(ClientConfig::password).containsOnly(PASSWORD);
        }));
        cases.put("timeouts-and-pool.properties", new Case(sample -> sample, (v, optional) -> {
            ClientConfig c = only(v);
            SoftAssertions soft = new SoftAssertions();
            soft.assertThat(c.timeout()).isEqualTo(Duration.ofSeconds(2));
            soft.assertThat(c.connectTimeout()).isEqualTo(Duration.ofSeconds(1));
            soft.assertThat(c.connections()).isEqualTo(2);
            soft.assertThat(c.maxWaitingHandlers()).isEqualTo(1024);
            soft.assertThat(c.maxQueuedCommands()).isEqualTo(10_000);
            soft.assertThat(c.maxPoolSize()).isEqualTo(8);
            soft.assertThat(c.maxPoolWaiting()).isEqualTo(32);
            soft.assertThat(c.poolRecycleTimeout()).isEqualTo(Duration.ofSeconds(60));
            soft.assertThat(c.poolCleanerInterval()).isEqualTo(Duration.ofSeconds(10));
            soft.assertThat(c.reconnectDelay()).isEqualTo(Duration.ofMillis(200));
            soft.assertThat(c.reconnectMaxDelay()).isEqualTo(Duration.ofSeconds(10));
            soft.assertAll();
        }));
        cases.put("fault-tolerance.properties", new Case(sample -> sample, (v, optional) -> {
            ClientConfig c = only(v);
            FaultToleranceConfig.Retry retry = c.faultTolerance().retry();
            FaultToleranceConfig.CircuitBreaker breaker = c.faultTolerance().circuitBreaker();
            SoftAssertions soft = new SoftAssertions();
            soft.assertThat(c.timeout()).isEqualTo(Duration.ofSeconds(1));
            soft.assertThat(c.connectTimeout()).isEqualTo(Duration.ofMillis(500));
            soft.assertThat(retry.maxRetries()).isEqualTo(2);
            soft.assertThat(retry.delay()).isEqualTo(Duration.ofMillis(50));
            soft.assertThat(retry.jitter()).isEqualTo(Duration.ofMillis(25));
            soft.assertThat(retry.maxDuration()).isEqualTo(Duration.ofSeconds(2));
            soft.assertThat(retry.retryOn()).containsExactly(RedisConnectionException.class, RedisConnectionLostException.class,
                    RedisTimeoutException.class);
            soft.assertThat(retry.abortOn()).containsExactly(RedisOverloadedException.class);
            soft.assertThat(retry.nonIdempotent()).isEqualTo(optional);
            soft.assertThat(breaker.requestVolumeThreshold()).isEqualTo(10);
            soft.assertThat(breaker.failureRatio()).isEqualTo(0.5);
            soft.assertThat(breaker.delay()).isEqualTo(Duration.ofSeconds(5));
            soft.assertThat(breaker.successThreshold()).isEqualTo(2);
            soft.assertThat(c.faultTolerance().health().timeout()).isEqualTo(Duration.ofSeconds(1));
            soft.assertAll();
        }));
        cases.put("unix-socket.properties", new Case(sample -> sample.environment("REDIS_PASSWORD", PASSWORD), (v, optional) -> {
            ClientConfig c = only(v);
            assertThat(c.endpoints()).containsExactly(new Endpoint("unix", null, 0, "/var/run/redis/redis-server.sock"));
            assertThat(c.password()).isEqualTo(optional ? PASSWORD : null);
        }));
        return cases;
    }

    private static ClientConfig only(Validation v) {
        assertThat(v.named()).as("named clients").isEmpty();
        assertThat(v.defaultClient()).as("the default client").isNotNull();
        return v.defaultClient();
    }

    @Test
    void everySampleFileHasAnExplicitCase() {
        assertThat(Samples.fileNames()).as("files in samples/ (each needs a case in SamplesTest.cases())")
                .isNotEmpty().containsExactlyInAnyOrderElementsOf(cases().keySet());
    }

    @Test
    void everySampleFileIsConnectedWithOrDeclaredValidationOnly() {
        TreeSet<String> live = new TreeSet<>();
        Stream.concat(Stream.of(SamplesIT.class), Stream.of(SamplesIT.class.getDeclaredClasses()))
                .flatMap(type -> Stream.of(type.getDeclaredMethods()))
                .filter(method -> method.isAnnotationPresent(org.junit.jupiter.api.Test.class))
                .map(method -> method.getAnnotation(Covers.class))
                .filter(java.util.Objects::nonNull)
                .forEach(covers -> live.add(covers.value()));
        TreeSet<String> overlap = new TreeSet<>(live);
        overlap.retainAll(SamplesIT.VALIDATION_ONLY.keySet());
        assertThat(overlap).as("files both with a live test and listed as validation only").isEmpty();
        TreeSet<String> covered = new TreeSet<>(live);
        covered.addAll(SamplesIT.VALIDATION_ONLY.keySet());
        assertThat(covered).as("files with a @Covers live test in SamplesIT, or listed in SamplesIT.VALIDATION_ONLY with a reason")
                .containsExactlyInAnyOrderElementsOf(Samples.fileNames());
    }

    @Test
    void everyLiveTestNamesAnExistingSample() {
        List<String> dangling = new ArrayList<>();
        for (Class<?> type : Stream.concat(Stream.of(SamplesIT.class), Stream.of(SamplesIT.class.getDeclaredClasses())).toList()) {
            for (Method method : type.getDeclaredMethods()) {
                Covers covers = method.getAnnotation(Covers.class);
                if (covers != null && !Samples.fileNames().contains(covers.value())) {
                    dangling.add(method.getName() + " -> " + covers.value());
                }
            }
        }
        assertThat(dangling).isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everySampleIsValidAsShippedAndWithItsOptionalLines() {
        Map<String, Case> cases = cases();
        return Samples.fileNames().stream().filter(cases::containsKey).flatMap(file -> {
            Case c = cases.get(file);
            List<DynamicTest> tests = new ArrayList<>();
            tests.add(DynamicTest.dynamicTest(file + " as shipped", () -> validate(c.fill().apply(Sample.load(file)), c, false)));
            if (!Sample.load(file).optionalProperties().isEmpty()) {
                tests.add(DynamicTest.dynamicTest(file + " with its optional lines", () ->
                        validate(c.fill().apply(Sample.load(file)).withOptionalLines(), c, true)));
            }
            return tests.stream();
        });
    }

    private static void validate(Sample sample, Case c, boolean optional) {
        Validation validation = Validation.of(sample.config());
        assertThat(validation.problems()).as(sample + ": " + validation.message()).isEmpty();
        c.check().accept(validation, optional);
    }

    @TestFactory
    Stream<DynamicTest> everySampleStartsWithTheSameHeader() {
        return Samples.fileNames().stream().map(file -> DynamicTest.dynamicTest(file, () -> {
            List<String> lines = Sample.load(file).text().lines().toList();
            assertThat(lines.get(0)).as("first line: a title comment").startsWith("# ");
            List<String> header = lines.stream().takeWhile(line -> line.startsWith("#") || line.isBlank()).toList();
            assertThat(header).as("the comment block before the first property")
                    .anyMatch(line -> line.startsWith("# Use it when:"))
                    .anyMatch(line -> line.startsWith("# Replace:"))
                    .anyMatch(line -> line.startsWith("# Secrets:"));
        }));
    }

    @TestFactory
    Stream<DynamicTest> noSampleHoldsASecret() {
        return Samples.fileNames().stream().map(file -> DynamicTest.dynamicTest(file, () -> {
            Sample sample = Sample.load(file);
            Map<String, String> all = new LinkedHashMap<>(sample.optionalProperties());
            all.putAll(sample.properties());
            all.forEach((key, value) -> {
                if (key.endsWith("password")) {
                    assertThat(value).as(file + ": " + key + " must come from outside, as ${NAME} with no default")
                            .matches("\\$\\{[A-Z][A-Z0-9_]*}");
                }
                if (key.endsWith("hosts")) {
                    assertThat(value).as(file + ": " + key + " must not carry credentials").doesNotContain("@");
                }
            });
        }));
    }
}
