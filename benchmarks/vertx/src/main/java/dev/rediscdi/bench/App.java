package dev.rediscdi.bench;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.rediscdi.BlockingRedisClient;
import dev.rediscdi.RedisClient;

/**
 * The application's bean: Weld SE with discovery disabled refuses to start with no bean class at all ("no bean
 * archives found"), and an application injects the clients anyway. The benchmarks look the clients up with
 * {@code container.select(RedisClient.class)}, which returns the same singletons.
 */
@ApplicationScoped
public class App {
    @Inject
    RedisClient redis;

    @Inject
    BlockingRedisClient blocking;
}
