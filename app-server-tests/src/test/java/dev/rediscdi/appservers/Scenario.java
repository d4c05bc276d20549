package dev.rediscdi.appservers;

import java.time.Duration;

import dev.rediscdi.appservers.harness.AppClient;
import dev.rediscdi.appservers.harness.AppServer;
import dev.rediscdi.testing.RedisServer;

/**
 * What the tests of the scenario work with, on the server under test. {@link AppServerScenario} provides it and
 * holds the scenario's core; a further part of the scenario is an interface extending this one with
 * {@code default} {@code @Test} methods, implemented by each server's test class ({@code WildFlyIT},
 * {@code OpenLibertyIT}), so that every part runs on every server with the servers booted once per class.
 */
interface Scenario {

    /** How long the application may take to answer again after Redis came back (a breaker's delay included). */
    Duration RECOVERY = Duration.ofSeconds(20);

    /** The Redis that every instance uses; restart, freeze or stop it at will (it is left running for the next test). */
    RedisServer redis();

    /** The first server instance; it stays started between tests. */
    AppServer server();

    /** A second instance of the same server (other ports, other directory, same Redis), started on first use. */
    AppServer secondServer();

    /** The browser every test shares: one cookie jar for both instances. */
    AppClient browser();

    /** The application on the first instance, through {@link #browser()}. */
    default RedisApp app() {
        return new RedisApp(browser(), server());
    }

    /** The application on the second instance, through {@link #browser()}. */
    default RedisApp secondApp() {
        return new RedisApp(browser(), secondServer());
    }

    /** A Redis key of the running test's own. */
    String key();
}
