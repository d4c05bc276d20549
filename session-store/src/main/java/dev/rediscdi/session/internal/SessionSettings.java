package dev.rediscdi.session.internal;

import java.time.Duration;
import java.util.Optional;

/** The validated {@code redis-session.*} configuration of one web application. */
record SessionSettings(Optional<String> client, String keyPrefix, Duration idleTimeout, Duration absoluteTimeout,
        Duration touchInterval, Duration sweepInterval, CookieSettings cookie, String codec,
        SerializationLimits serialization, UnreadablePolicy onUnreadable, int unavailableStatus, WritePolicy writePolicy,
        LocalCache localCache) {

    /** How long Redis keeps a session after its logical expiry, so that the sweeper can still read it. */
    Duration expiryGrace() {
        Duration threeSweeps = sweepInterval.multipliedBy(3);
        return threeSweeps.compareTo(Duration.ofMinutes(1)) > 0 ? threeSweeps : Duration.ofMinutes(1);
    }
}
