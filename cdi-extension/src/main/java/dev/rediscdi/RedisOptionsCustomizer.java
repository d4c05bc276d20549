package dev.rediscdi;

import io.vertx.redis.client.RedisOptions;

/**
 * Adjusts the driver's {@link RedisOptions} of a client beyond what the {@code redis.*} properties offer.
 * Implement it as a CDI bean (for example {@code @ApplicationScoped}); every customizer is called for every
 * client, after the properties are applied and before the client is created.
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class TracingCustomizer implements RedisOptionsCustomizer {
 *     public void customize(String clientName, RedisOptions options) {
 *         options.setTracingPolicy(TracingPolicy.ALWAYS);
 *     }
 * }
 * }</pre>
 *
 * The options hold the password: do not log them.
 */
@FunctionalInterface
public interface RedisOptionsCustomizer {

    /** The name of the default client, as passed to {@link #customize}. */
    String DEFAULT_CLIENT = "<default>";

    /**
     * @param clientName the client's name, or {@link #DEFAULT_CLIENT}
     * @param options the options built from configuration, to change in place
     */
    void customize(String clientName, RedisOptions options);
}
