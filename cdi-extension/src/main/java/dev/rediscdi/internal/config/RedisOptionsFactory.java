package dev.rediscdi.internal.config;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.vertx.core.net.JksOptions;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.PfxOptions;
import io.vertx.redis.client.RedisOptions;

/**
 * The one translation from {@link ClientConfig} to the driver's {@link RedisOptions}. The driver 4.5 has no
 * {@code setUser}: user and password travel in each endpoint URI, which is why the options must never be
 * logged (their JSON form shows the URIs).
 */
public final class RedisOptionsFactory {
    private RedisOptionsFactory() {
    }

    public static RedisOptions create(ClientConfig config) {
        RedisOptions options = new MaskedRedisOptions()
                .setType(config.clientType())
                .setEndpoints(config.endpoints().stream().map(endpoint -> connectionString(endpoint, config)).toList())
                .setMasterName(config.masterName())
                .setRole(config.role())
                .setUseReplicas(config.replicas())
                .setAutoFailover(config.autoFailover())
                .setPreferredProtocolVersion(config.protocol())
                .setMaxWaitingHandlers(config.maxWaitingHandlers())
                .setMaxPoolSize(config.maxPoolSize())
                .setMaxPoolWaiting(config.maxPoolWaiting())
                .setPoolRecycleTimeout(millis(config.poolRecycleTimeout()))
                .setPoolCleanerInterval(millis(config.poolCleanerInterval()))
                .setHashSlotCacheTTL(config.hashSlotCacheTtl().toMillis())
                .setTopologyCacheTTL(config.hashSlotCacheTtl().toMillis());
        if (config.password() != null && config.endpoints().stream().anyMatch(Endpoint::unixSocket)) {
            options.setPassword(config.password());
        }
        NetClientOptions net = options.getNetClientOptions();
        net.setConnectTimeout(millis(config.connectTimeout()));
        if (config.tls() != null) {
            applyTls(config.tls(), net);
        }
        return options;
    }

    private static String connectionString(Endpoint endpoint, ClientConfig config) {
        if (endpoint.unixSocket()) {
            return "unix://" + endpoint.path() + clientNameQuery(config, "?");
        }
        StringBuilder uri = new StringBuilder(endpoint.scheme()).append("://");
        if (config.password() != null) {
            if (config.username() != null) {
                uri.append(encode(config.username()));
            }
            uri.append(':').append(encode(config.password())).append('@');
        }
        uri.append(hostPart(endpoint.host())).append(':').append(endpoint.port());
        if (endpoint.path() != null) {
            uri.append(endpoint.path());
        }
        return uri.append(clientNameQuery(config, "?")).toString();
    }

    private static String hostPart(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static String clientNameQuery(ClientConfig config, String separator) {
        return config.clientName() == null ? "" : separator + "client=" + encode(config.clientName());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static int millis(java.time.Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }

    private static void applyTls(TlsConfig tls, NetClientOptions net) {
        net.setSsl(true);
        // Vert.x 4.5 checks the host name only with "HTTPS"; "" silently accepts a certificate for any host.
        net.setHostnameVerificationAlgorithm(tls.hostnameVerification() ? "HTTPS" : "");
        net.setTrustAll(tls.trustAll());
        if (!tls.trustCertificatePems().isEmpty()) {
            PemTrustOptions trust = new PemTrustOptions();
            tls.trustCertificatePems().forEach(path -> trust.addCertPath(path.toString()));
            net.setTrustOptions(trust);
        } else if (tls.trustStore() != null) {
            net.setTrustOptions(store(tls.trustStoreType(), tls.trustStore().toString(), tls.trustStorePassword()));
        }
        if (tls.keyPem() != null) {
            net.setKeyCertOptions(new PemKeyCertOptions()
                    .setCertPaths(List.of(tls.keyCertificatePem().toString()))
                    .setKeyPaths(List.of(tls.keyPem().toString())));
        } else if (tls.keyStore() != null) {
            net.setKeyCertOptions(store(tls.keyStoreType(), tls.keyStore().toString(), tls.keyStorePassword()));
        }
    }

    private static io.vertx.core.net.KeyStoreOptionsBase store(String type, String path, String password) {
        return "jks".equals(type)
                ? new JksOptions().setPath(path).setPassword(password)
                : new PfxOptions().setPath(path).setPassword(password);
    }
}
