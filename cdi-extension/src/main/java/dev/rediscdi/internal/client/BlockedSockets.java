package dev.rediscdi.internal.client;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.impl.PooledRedisConnection;

/**
 * The sockets that blocking commands ({@link BlockingCommands}) wait on, so that {@link SentinelPrimaryWatch} can close
 * those on a node other than the primary the Sentinels name: a {@code BLPOP} blocked on an old primary that still
 * runs would otherwise wait there while producers push to the new one, until Sentinel demotes it.
 *
 * <p>The sockets, read when the command is written, not the driver's connection: on {@code +switch-master} the
 * driver's failover swaps the socket under a Sentinel connection it lent (and pools the old one, command still in
 * flight), so the connection may name the new primary while the command still blocks on the old one. Idle
 * connections need nothing: {@link BlockingCommands} holds none between commands, and the driver pools them per node,
 * lending one of the node its answer names.
 *
 * <p>Whether the closed command is sent again is decided as for any lost connection: it fails with a
 * {@code RedisConnectionLostException} saying whether it is idempotent ({@link Idempotency}), and the client's retry
 * sends again only what is safe: {@code XREAD ... BLOCK}, a read, yes; {@code BLPOP}, {@code BLMOVE},
 * {@code BZPOPMIN}, {@code XREADGROUP}, which take what they return, only when the caller said they may run twice
 * ({@code assumingIdempotent()}, {@code retry.non-idempotent}). Closed while blocked, such a command took nothing
 * unless Redis had already sent its reply, and the close would then lose the reply with the element it popped:
 * the client cannot tell the two apart, so its caller is told it may have run.
 */
final class BlockedSockets implements FollowsPrimary {
    private static final Logger LOG = Logger.getLogger(BlockedSockets.class.getName());

    private final String clientLabel;
    private final boolean tracking;
    /** One entry per command written and not yet answered (two commands may share a socket the driver pooled in flight). */
    private final Set<Written> written = ConcurrentHashMap.newKeySet();

    private BlockedSockets(String clientLabel, boolean tracking) {
        this.clientLabel = clientLabel;
        this.tracking = tracking;
    }

    /** For a client whose blocking commands follow the primary the Sentinels name. */
    static BlockedSockets tracking(String clientLabel) {
        return new BlockedSockets(clientLabel, true);
    }

    /** For any other client: remembers nothing. */
    static BlockedSockets none() {
        return new BlockedSockets(null, false);
    }

    /** A command is about to be written on {@code connection}; returns what {@link #answered} forgets, or {@code null}. */
    Written writingOn(RedisConnection connection) {
        if (!tracking) {
            return null;
        }
        Written entry;
        try {
            entry = new Written(DriverConnections.nodes(connection));
        } catch (RuntimeException e) { // a driver this library was not built for: the command still goes out
            LOG.log(Level.WARNING, clientLabel + ": cannot tell which node a blocking command is sent to; it will not follow "
                    + "the primary the Sentinels name", e);
            return null;
        }
        written.add(entry);
        return entry;
    }

    /** The command {@link #writingOn} was called for is over (answered, failed or timed out). */
    void answered(Written entry) {
        if (entry != null) {
            written.remove(entry);
        }
    }

    /** Closes every socket a blocking command waits on, on a node other than {@code primary}; the commands fail. */
    @Override
    public boolean closeUnlessOn(String primary) {
        boolean closed = false;
        for (Written entry : written) {
            if (entry.sockets().stream().allMatch(socket -> OffPrimary.node(socket, primary) == null)) {
                continue;
            }
            written.remove(entry); // its command fails now: closed once, and told once
            for (PooledRedisConnection socket : entry.sockets()) {
                String node = OffPrimary.node(socket, primary);
                if (node != null) {
                    LOG.log(Level.WARNING, () -> clientLabel + ": a blocking command waits on " + node + ", but the Sentinels name "
                            + primary + " as the primary; closing its connection");
                    socket.actual().forceClose(); // never back into the pool: the driver's end handler fails the command
                    closed = true;
                }
            }
        }
        return closed;
    }

    /** The sockets one command was written to; equal only to itself. */
    static final class Written {
        private final List<PooledRedisConnection> sockets;

        private Written(List<PooledRedisConnection> sockets) {
            this.sockets = sockets;
        }

        private List<PooledRedisConnection> sockets() {
            return sockets;
        }
    }
}
