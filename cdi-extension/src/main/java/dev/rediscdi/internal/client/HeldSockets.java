package dev.rediscdi.internal.client;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.rediscdi.RedisConnectionException;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.impl.PooledRedisConnection;

/**
 * The sockets that work holding a connection of its own waits on, blocking commands ({@link BlockingCommands}) and
 * leases ({@code withConnection}, transactions), so that they follow the primary the Sentinels name
 * ({@link SentinelPrimaryWatch}): a {@code BLPOP} blocked on an old primary that still runs would otherwise wait there
 * while producers push to the new one, and a transaction would write what the old primary loses once Sentinel demotes it.
 *
 * <ul>
 * <li>Once most Sentinels agree, those held on another node are closed ({@link #closeUnlessOn}).</li>
 * <li>A connection opened after that on the node they named before (the driver still had the old answer cached) is
 * refused before anything is written on it ({@link Held#refusal()}): its work fails as not sent, which the client's
 * retry sends again.</li>
 * </ul>
 *
 * <p>The sockets, read when the work takes the connection, not the driver's connection: on {@code +switch-master} the
 * driver's failover swaps the socket under a Sentinel connection it lent (and pools the old one, command still in
 * flight), so the connection may name the new primary while the command still blocks on the old one. Idle pooled
 * connections need nothing: the client holds none between uses, and the driver pools them per node, lending one of
 * the node its answer names.
 *
 * <p>Whether closed work is sent again is decided as for any lost connection: it fails with a
 * {@code RedisConnectionLostException} saying whether it is idempotent ({@link Idempotency}), and the client's retry
 * sends again only what is safe: {@code XREAD ... BLOCK}, a read, yes; {@code BLPOP}, {@code BLMOVE},
 * {@code BZPOPMIN}, {@code XREADGROUP}, which take what they return, only when the caller said they may run twice
 * ({@code assumingIdempotent()}, {@code retry.non-idempotent}). Closed while blocked, such a command took nothing
 * unless Redis had already sent its reply, and the close would then lose the reply with the element it popped:
 * the client cannot tell the two apart, so its caller is told it may have run. The work of a lease is never sent
 * again by the client: its caller decides.
 */
final class HeldSockets implements FollowsPrimary {
    private static final Logger LOG = Logger.getLogger(HeldSockets.class.getName());
    /** What {@link #hold} returns where nothing follows a primary. */
    private static final Held NOTHING = new Held(null, List.of());

    private final String clientLabel;
    private final boolean tracking;
    /** One entry per use not yet over (two uses may share a socket the driver pooled with a command in flight). */
    private final Set<Held> held = ConcurrentHashMap.newKeySet();
    /**
     * The node ({@code host:port}) most Sentinels named before they named another, and so no longer the primary;
     * {@code null} until they named a second one. Only connections there are refused: while the client has not heard
     * of a switch yet, the driver may well know of it already, and its connections to the new primary are right.
     */
    private volatile String replaced;
    /** The node most Sentinels named last time they agreed; {@code null} before that. */
    private String primary; // written by the watch's checks only, one at a time

    private HeldSockets(String clientLabel, boolean tracking) {
        this.clientLabel = clientLabel;
        this.tracking = tracking;
    }

    /** For a client whose connections follow the primary the Sentinels name. */
    static HeldSockets tracking(String clientLabel) {
        return new HeldSockets(clientLabel, true);
    }

    /** For any other client: remembers nothing, refuses nothing. */
    static HeldSockets none() {
        return new HeldSockets(null, false);
    }

    /**
     * Work takes {@code connection}, before it writes anything on it; {@link Held#release()} once the work is over
     * (answered, failed, timed out, given back). When its {@link Held#refusal()} is not {@code null}, write nothing,
     * release, and close the connection for good.
     */
    Held hold(RedisConnection connection) {
        if (!tracking) {
            return NOTHING;
        }
        List<PooledRedisConnection> sockets;
        try {
            sockets = DriverConnections.nodes(connection);
        } catch (RuntimeException e) { // a driver this library was not built for: the work still goes out
            LOG.log(Level.WARNING, clientLabel + ": cannot tell which node a connection is open on; it will not follow "
                    + "the primary the Sentinels name", e);
            return NOTHING;
        }
        Held entry = new Held(this, sockets);
        held.add(entry);
        String old = replaced; // read after the entry was added: a close for a newer agreement finds the entry
        if (old != null && sockets.stream().anyMatch(socket -> old.equals(DriverConnections.node(socket)))) {
            entry.refusal = new RedisConnectionException(clientLabel + ": the connection opened on " + old + ", which the Sentinels "
                    + "no longer name as the primary; nothing was written on it", null);
        }
        return entry;
    }

    /** Closes every socket work holds on a node other than {@code primary}; that work fails. */
    @Override
    public boolean closeUnlessOn(String primary) {
        if (this.primary != null && !this.primary.equals(primary)) {
            replaced = this.primary;
        }
        this.primary = primary;
        boolean closed = false;
        for (Held entry : held) {
            if (entry.sockets.stream().allMatch(socket -> OffPrimary.node(socket, primary) == null)) {
                continue;
            }
            held.remove(entry); // its work fails now: closed once, and told once
            for (PooledRedisConnection socket : entry.sockets) {
                String node = OffPrimary.node(socket, primary);
                if (node != null) {
                    LOG.log(Level.WARNING, () -> clientLabel + ": a connection in use is open on " + node + ", but the Sentinels name "
                            + primary + " as the primary; closing it");
                    socket.actual().forceClose(); // never back into the pool: the driver's end handler fails the work
                    closed = true;
                }
            }
        }
        return closed;
    }

    /** The sockets one use of a connection holds; equal only to itself. */
    static final class Held {
        private final HeldSockets owner;
        private final List<PooledRedisConnection> sockets;
        /** Set by {@link #hold} before it returns the entry, read by the work that took it only. */
        private RedisConnectionException refusal;

        private Held(HeldSockets owner, List<PooledRedisConnection> sockets) {
            this.owner = owner;
            this.sockets = sockets;
        }

        /** Why the work must write nothing on the connection (it is open on another node than the primary); else {@code null}. */
        RedisConnectionException refusal() {
            return refusal;
        }

        /** The work is over: its sockets need no watching any more. */
        void release() {
            if (owner != null) {
                owner.held.remove(this);
            }
        }
    }
}
