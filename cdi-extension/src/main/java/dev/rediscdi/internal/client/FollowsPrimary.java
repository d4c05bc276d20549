package dev.rediscdi.internal.client;

/**
 * Holds connections that belong on the primary the Sentinels name: {@link SentinelPrimaryWatch} tells it which node
 * that is once most of the configured Sentinels agree.
 */
interface FollowsPrimary {

    /**
     * Closes what it holds open on a node other than {@code primary} ({@code host:port}), so that it opens again where
     * the driver's answer says. Returns whether it closed anything.
     */
    boolean closeUnlessOn(String primary);
}
