package dev.rediscdi.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsTest {

    @BeforeAll
    static void needsTls() {
        RedisBinary.assumeTls();
    }

    @Test
    void tlsServerAnswersOverTlsOnly() throws Exception {
        try (RedisServer server = RedisServer.builder().tls().password("pw").start()) {
            assertThat(server.uri()).isEqualTo("rediss://localhost:" + server.port());
            assertThat(server.command("PING")).isEqualTo("PONG");
            assertThat(server.command("CONFIG", "GET", "port")).isEqualTo("port\n0");

            // plain TCP to the TLS port: the server drops the connection
            RespClient plain = new RespClient(server.host(), server.port(), null, Duration.ofSeconds(2));
            assertThatThrownBy(() -> plain.call(Credentials.NONE, "PING")).isInstanceOf(java.io.IOException.class);

            // a client trusting an unrelated CA rejects the server
            RespClient wrongCa = new RespClient(server.host(), server.port(),
                    trusting(server.tlsMaterial().otherCaCertPem()), Duration.ofSeconds(2));
            assertThatThrownBy(() -> wrongCa.call(new Credentials(null, "pw"), "PING"))
                    .isInstanceOf(javax.net.ssl.SSLException.class);

            // the JKS trust store works for a plain JDK client with host name verification
            assertThat(pingWithJdk(server, server.tlsMaterial().trustStoreJks(), "JKS")).startsWith("+PONG");
        }
    }

    @Test
    void clientAuthentication() throws Exception {
        try (RedisServer server = RedisServer.builder().tlsClientAuth(true).start()) {
            assertThat(server.command("PING")).isEqualTo("PONG");
            RespClient anonymous = new RespClient(server.host(), server.port(),
                    server.tlsMaterial().sslContext(false), Duration.ofSeconds(2));
            assertThatThrownBy(() -> anonymous.call(Credentials.NONE, "PING")).isInstanceOf(java.io.IOException.class);
        }
    }

    @Test
    void customServerHostnames() throws Exception {
        try (RedisServer server = RedisServer.builder().tlsServerHostnames("other.example", "10.1.2.3").start()) {
            assertThat(server.isTls()).isTrue();
            assertThat(server.command("PING")).isEqualTo("PONG");
            X509Certificate certificate = certificate(server.tlsMaterial().serverCertPem());
            assertThat(certificate.getSubjectAlternativeNames().stream().map(entry -> String.valueOf(entry.get(1))))
                    .containsExactly("other.example", "10.1.2.3");
            assertThatThrownBy(() -> pingWithJdk(server, server.tlsMaterial().trustStoreP12(), "PKCS12"))
                    .isInstanceOf(javax.net.ssl.SSLException.class);
        }
    }

    @Test
    void plainServerHasNoTlsMaterial() {
        try (RedisServer server = RedisServer.builder().start()) {
            assertThatThrownBy(server::tlsMaterial).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void standaloneMaterial(@TempDir Path directory) throws Exception {
        TlsMaterial material = TlsMaterial.generate(directory.resolve("tls"));
        assertThat(material.serverHostnames()).containsExactly("localhost", "127.0.0.1");
        for (Path pem : List.of(material.caCertPem(), material.serverCertPem(), material.clientCertPem(),
                material.otherCaCertPem())) {
            assertThat(Files.readString(pem)).startsWith("-----BEGIN CERTIFICATE-----");
        }
        assertThat(Files.readString(material.serverKeyPem())).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Files.readString(material.clientKeyPem())).startsWith("-----BEGIN PRIVATE KEY-----");

        X509Certificate ca = certificate(material.caCertPem());
        X509Certificate server = certificate(material.serverCertPem());
        X509Certificate client = certificate(material.clientCertPem());
        server.verify(ca.getPublicKey());
        client.verify(ca.getPublicKey());
        assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(server.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(client.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
        assertThatThrownBy(() -> server.verify(certificate(material.otherCaCertPem()).getPublicKey()))
                .isInstanceOf(java.security.SignatureException.class);

        char[] password = material.storePassword().toCharArray();
        assertThat(material.storePassword()).isEqualTo("changeit");
        assertThat(load(material.trustStoreP12(), "PKCS12", password).getCertificate("ca")).isEqualTo(ca);
        assertThat(load(material.trustStoreJks(), "JKS", password).getCertificate("ca")).isEqualTo(ca);
        for (KeyStore keys : List.of(load(material.clientKeyStoreP12(), "PKCS12", password),
                load(material.clientKeyStoreJks(), "JKS", password))) {
            assertThat(keys.getKey("client", password)).isNotNull();
            assertThat(keys.getCertificateChain("client")).containsExactly(client, ca);
        }
    }

    private static String pingWithJdk(RedisServer server, Path trustStore, String type) throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load(trustStore, type, server.tlsMaterial().storePassword().toCharArray()));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", server.port())) {
            socket.setSoTimeout(5000);
            javax.net.ssl.SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            socket.getOutputStream().write("AUTH pw\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            byte[] reply = new byte[64];
            int total = 0;
            String text = "";
            while (!text.contains("PONG") && total < reply.length) {
                int read = socket.getInputStream().read(reply, total, reply.length - total);
                if (read < 0) {
                    break;
                }
                total += read;
                text = new String(reply, 0, total, StandardCharsets.US_ASCII);
            }
            // skip the reply to AUTH
            return text.substring(text.indexOf('\n') + 1);
        }
    }

    private static SSLContext trusting(Path caPem) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("ca", certificate(caPem));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static X509Certificate certificate(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static KeyStore load(Path file, String type, char[] password) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, password);
            return store;
        }
    }
}
