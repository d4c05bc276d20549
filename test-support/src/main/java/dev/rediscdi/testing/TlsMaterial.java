package dev.rediscdi.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Test TLS material generated at test time (EC P-256): a CA, a server certificate it signed (with the given
 * SANs), a client certificate it signed, and an unrelated "other" CA. Written to a directory as PEM files
 * (certificates, PKCS#8 keys) and as PKCS12 and JKS trust stores (the CA) and key stores (the client
 * certificate and key), all with the password {@value #STORE_PASSWORD}.
 */
public final class TlsMaterial {

    /** The password of every store. */
    public static final String STORE_PASSWORD = "changeit";
    /** Server certificate SANs when none are given. */
    public static final List<String> DEFAULT_SERVER_HOSTNAMES = List.of("localhost", "127.0.0.1");

    private final Path directory;
    private final List<String> serverHostnames;

    private TlsMaterial(Path directory, List<String> serverHostnames) {
        this.directory = directory;
        this.serverHostnames = serverHostnames;
    }

    /**
     * Generates fresh material into {@code directory} (created if needed). Host names that are IP literals
     * become IP SANs, the others DNS SANs; none given means {@code localhost} and {@code 127.0.0.1}.
     */
    public static TlsMaterial generate(Path directory, String... serverHostnames) {
        List<String> hostnames = serverHostnames.length == 0 ? DEFAULT_SERVER_HOSTNAMES : List.of(serverHostnames);
        TlsMaterial material = new TlsMaterial(directory, hostnames);
        Certificates.Issued ca = Certificates.certificateAuthority("redis-cdi test CA");
        Certificates.Issued server = Certificates.server(ca, hostnames);
        Certificates.Issued client = Certificates.client(ca, "redis-cdi test client");
        Certificates.Issued otherCa = Certificates.certificateAuthority("redis-cdi unrelated CA");
        try {
            Files.createDirectories(directory);
            writeCertificate(material.caCertPem(), ca.certificate());
            writeCertificate(material.serverCertPem(), server.certificate());
            writeKey(material.serverKeyPem(), server);
            writeCertificate(material.clientCertPem(), client.certificate());
            writeKey(material.clientKeyPem(), client);
            writeCertificate(material.otherCaCertPem(), otherCa.certificate());
            for (String type : new String[] {"PKCS12", "JKS"}) {
                KeyStore trust = emptyStore(type);
                trust.setCertificateEntry("ca", ca.certificate());
                save(trust, type.equals("JKS") ? material.trustStoreJks() : material.trustStoreP12());
                KeyStore keys = emptyStore(type);
                keys.setKeyEntry("client", client.keys().getPrivate(), STORE_PASSWORD.toCharArray(),
                        new Certificate[] {client.certificate(), ca.certificate()});
                save(keys, type.equals("JKS") ? material.clientKeyStoreJks() : material.clientKeyStoreP12());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write TLS material to " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build key stores", e);
        }
        return material;
    }

    public Path directory() {
        return directory;
    }

    /** The SANs of the server certificate. */
    public List<String> serverHostnames() {
        return serverHostnames;
    }

    public Path caCertPem() {
        return directory.resolve("ca.crt");
    }

    public Path serverCertPem() {
        return directory.resolve("server.crt");
    }

    public Path serverKeyPem() {
        return directory.resolve("server.key");
    }

    public Path clientCertPem() {
        return directory.resolve("client.crt");
    }

    public Path clientKeyPem() {
        return directory.resolve("client.key");
    }

    /** The certificate of a CA that signed nothing here: trusting only it must fail. */
    public Path otherCaCertPem() {
        return directory.resolve("other-ca.crt");
    }

    /** PKCS12 store holding the CA certificate (alias {@code ca}). */
    public Path trustStoreP12() {
        return directory.resolve("truststore.p12");
    }

    /** JKS store holding the CA certificate (alias {@code ca}). */
    public Path trustStoreJks() {
        return directory.resolve("truststore.jks");
    }

    /** PKCS12 store holding the client key and certificate chain (alias {@code client}). */
    public Path clientKeyStoreP12() {
        return directory.resolve("client.p12");
    }

    /** JKS store holding the client key and certificate chain (alias {@code client}). */
    public Path clientKeyStoreJks() {
        return directory.resolve("client.jks");
    }

    /** {@value #STORE_PASSWORD}: the password of the stores and of their key entries. */
    public String storePassword() {
        return STORE_PASSWORD;
    }

    /** An SSL context trusting the CA, presenting the client certificate if asked to (no host name check). */
    public SSLContext sslContext(boolean withClientCertificate) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(load(trustStoreP12()));
            KeyManagerFactory keys = null;
            if (withClientCertificate) {
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(load(clientKeyStoreP12()), STORE_PASSWORD.toCharArray());
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build an SSL context", e);
        }
    }

    private KeyStore load(Path store) {
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, STORE_PASSWORD.toCharArray());
            return keyStore;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + store, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read " + store, e);
        }
    }

    private static KeyStore emptyStore(String type) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance(type);
        store.load(null, null);
        return store;
    }

    private static void save(KeyStore store, Path file) throws GeneralSecurityException, IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, STORE_PASSWORD.toCharArray());
        }
    }

    private static void writeCertificate(Path file, X509Certificate certificate)
            throws IOException, GeneralSecurityException {
        Files.writeString(file, pem("CERTIFICATE", certificate.getEncoded()), StandardCharsets.US_ASCII);
    }

    private static void writeKey(Path file, Certificates.Issued issued) throws IOException {
        // Java encodes private keys as PKCS#8
        Files.writeString(file, pem("PRIVATE KEY", issued.keys().getPrivate().getEncoded()), StandardCharsets.US_ASCII);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
