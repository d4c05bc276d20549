package dev.rediscdi.internal.config;

import java.nio.file.Path;
import java.util.List;

/** TLS settings of a client whose hosts use {@code rediss://}. Passwords are never shown by {@link #toString()}. */
public record TlsConfig(
        List<Path> trustCertificatePems,
        Path trustStore,
        String trustStorePassword,
        String trustStoreType,
        Path keyCertificatePem,
        Path keyPem,
        Path keyStore,
        String keyStorePassword,
        String keyStoreType,
        boolean hostnameVerification,
        boolean trustAll) {

    @Override
    public String toString() {
        return "TlsConfig[trustCertificatePems=" + trustCertificatePems + ", trustStore=" + trustStore
                + ", trustStoreType=" + trustStoreType + ", keyCertificatePem=" + keyCertificatePem + ", keyPem=" + keyPem
                + ", keyStore=" + keyStore + ", keyStoreType=" + keyStoreType
                + ", hostnameVerification=" + hostnameVerification + ", trustAll=" + trustAll + "]";
    }
}
