package dev.rediscdi.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.rediscdi.BlockingRedisClient;
import dev.rediscdi.RedisConnectionException;
import dev.rediscdi.ReplyType;
import dev.rediscdi.testing.RedisBinary;
import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.testing.RedisServerExtension;
import dev.rediscdi.testing.TlsMaterial;

class TlsIT {

    @BeforeAll
    static void needsTls() {
        RedisBinary.assumeTls();
    }

    private static String ping(String... keysAndValues) {
        try (TestConfig config = TestConfig.of(keysAndValues)) {
            WeldContainer container = Containers.boot();
            try {
                return container.select(BlockingRedisClient.class).get().execute(ReplyType.STRING, "PING");
            } finally {
                container.shutdown();
            }
        }
    }

    @Nested
    class ServerCertificateForLocalhost {
        @RegisterExtension
        final RedisServerExtension redis = new RedisServerExtension(RedisServer.builder().tls());

        @Test
        void shouldConnectTrustingTheCaAsPem() {
            TlsMaterial tls = redis.server().tlsMaterial();
            assertThat(ping("redis.hosts", redis.server().uri(), "redis.tls.trust-certificate-pem", tls.caCertPem().toString()))
                    .isEqualTo("PONG");
        }

        @Test
        void shouldConnectTrustingTheCaFromJksAndPkcs12Stores() {
            TlsMaterial tls = redis.server().tlsMaterial();
            assertThat(ping("redis.hosts", redis.server().uri(), "redis.tls.trust-store", tls.trustStoreJks().toString(),
                    "redis.tls.trust-store-password", tls.storePassword())).isEqualTo("PONG");
            assertThat(ping("redis.hosts", redis.server().uri(), "redis.tls.trust-store", tls.trustStoreP12().toString(),
                    "redis.tls.trust-store-password", tls.storePassword())).isEqualTo("PONG");
        }

        @Test
        void shouldRejectAServerSignedByAnotherCa() {
            TlsMaterial tls = redis.server().tlsMaterial();
            assertThatThrownBy(() -> ping("redis.hosts", redis.server().uri(),
                    "redis.tls.trust-certificate-pem", tls.otherCaCertPem().toString()))
                    .isInstanceOf(RedisConnectionException.class);
        }
    }

    @Nested
    class ServerCertificateForAnotherHost {
        @RegisterExtension
        final RedisServerExtension redis = new RedisServerExtension(RedisServer.builder().tlsServerHostnames("other.example"));

        @Test
        void shouldRejectACertificateIssuedForAnotherHost() {
            TlsMaterial tls = redis.server().tlsMaterial();
            assertThatThrownBy(() -> ping("redis.hosts", redis.server().uri(),
                    "redis.tls.trust-certificate-pem", tls.caCertPem().toString()))
                    .isInstanceOf(RedisConnectionException.class);
        }

        @Test
        void shouldAcceptItOnlyWhenVerificationIsExplicitlyOff() {
            TlsMaterial tls = redis.server().tlsMaterial();
            assertThat(ping("redis.hosts", redis.server().uri(), "redis.tls.trust-certificate-pem", tls.caCertPem().toString(),
                    "redis.tls.hostname-verification", "NONE")).isEqualTo("PONG");
        }
    }

    @Nested
    class MutualTlsWithAclUser {
        @RegisterExtension
        final RedisServerExtension redis = new RedisServerExtension(RedisServer.builder()
                .tlsClientAuth(true).aclUser("app", "tls-pass", "~* +@all"));

        @Test
        void shouldPresentAClientCertificateFromPemOrKeyStore() {
            TlsMaterial tls = redis.server().tlsMaterial();
            assertThat(ping("redis.hosts", redis.server().uri(), "redis.username", "app", "redis.password", "tls-pass",
                    "redis.tls.trust-certificate-pem", tls.caCertPem().toString(),
                    "redis.tls.key-certificate-pem", tls.clientCertPem().toString(),
                    "redis.tls.key-pem", tls.clientKeyPem().toString())).isEqualTo("PONG");
            assertThat(ping("redis.hosts", redis.server().uri(), "redis.username", "app", "redis.password", "tls-pass",
                    "redis.tls.trust-store", tls.trustStoreP12().toString(), "redis.tls.trust-store-password", tls.storePassword(),
                    "redis.tls.key-store", tls.clientKeyStoreJks().toString(), "redis.tls.key-store-password", tls.storePassword()))
                    .isEqualTo("PONG");
        }

        @Test
        void shouldBeRejectedWithoutAClientCertificate() {
            TlsMaterial tls = redis.server().tlsMaterial();
            assertThatThrownBy(() -> ping("redis.hosts", redis.server().uri(), "redis.username", "app", "redis.password", "tls-pass",
                    "redis.tls.trust-certificate-pem", tls.caCertPem().toString()))
                    .isInstanceOf(dev.rediscdi.RedisException.class);
        }
    }
}
