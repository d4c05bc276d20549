package dev.rediscdi.internal.client;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.rediscdi.internal.config.ClientConfig;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.RedisRole;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * Keeps the connections of a Sentinel client on the primary the Sentinels name: the pipelined ones, the subscription
 * connection and those blocking commands wait on (each a {@link FollowsPrimary}).
 *
 * <p>Why: the driver moves a connection after a failover when a Sentinel announces {@code +switch-master}, but to the
 * primary of the Sentinels' answer it cached (for its topology cache time, 1 s on a Sentinel client), read before the switch as often
 * as not. When the old primary is dead that reconnect fails and the connection is opened again later; when the old
 * primary still runs (a forced failover, a Sentinel that failed over a primary it only believed down, a partition)
 * the connection lands on it again and stays there: Sentinel turns the old primary into a replica only about 8 s
 * later, and every write it acknowledged until then is lost when it resynchronizes from the new primary. Meanwhile a
 * subscription on it hears nothing published on the new primary (a primary relays to its replicas, and the old one
 * replicates nothing from the new one yet), and a {@code BLPOP} on it waits for pushes that go to the new primary.
 *
 * <p>So every such period this asks each Sentinel which node is the primary and, once a majority of the configured
 * Sentinels name the same one, has each {@link FollowsPrimary} close what it holds open on another node: the next
 * command opens a connection where the driver's (then fresh) answer says, the subscriptions are made again there. After
 * it closed one, it asks again a quarter of that time later, as the driver's cached answer may still have been the old one.
 */
final class SentinelPrimaryWatch {
    private static final Logger LOG = Logger.getLogger(SentinelPrimaryWatch.class.getName());
    private final Vertx vertx;
    private final String masterName;
    private final List<Redis> sentinels;
    private final List<FollowsPrimary> followers;
    private final long intervalMillis;
    private final long timeoutMillis;
    private volatile boolean closed;

    private SentinelPrimaryWatch(Vertx vertx, String masterName, List<Redis> sentinels, List<FollowsPrimary> followers,
            long intervalMillis, long timeoutMillis) {
        this.vertx = vertx;
        this.masterName = masterName;
        this.sentinels = sentinels;
        this.followers = followers;
        this.intervalMillis = Math.max(1, intervalMillis);
        this.timeoutMillis = Math.max(1, timeoutMillis);
    }

    /** A started watch for a Sentinel client whose connections go to the primary; {@code null} for any other client. */
    static SentinelPrimaryWatch startFor(Vertx vertx, ClientConfig config, RedisOptions options, List<FollowsPrimary> followers, String clientLabel) {
        if (!watches(config)) {
            return null;
        }
        List<Redis> sentinels = new ArrayList<>();
        for (String endpoint : options.getEndpoints()) {
            sentinels.add(ClusterNodes.standaloneClient(vertx, options, endpoint, 1, clientLabel));
        }
        SentinelPrimaryWatch watch = new SentinelPrimaryWatch(vertx, config.masterName(), List.copyOf(sentinels), List.copyOf(followers),
                options.getTopologyCacheTTL(), config.timeout().toMillis());
        watch.schedule(watch.intervalMillis);
        return watch;
    }

    /** Whether a client so configured is watched: a Sentinel client whose connections go to the primary. */
    static boolean watches(ClientConfig config) {
        return config.clientType() == RedisClientType.SENTINEL && config.role() == RedisRole.MASTER;
    }

    /** The node ({@code host:port}) named by more than half of {@code sentinelCount} answers, or {@code null}. */
    static String majority(List<String> answers, int sentinelCount) {
        Map<String, Integer> votes = new HashMap<>();
        for (String answer : answers) {
            if (answer != null && votes.merge(answer, 1, Integer::sum) * 2 > sentinelCount) {
                return answer;
            }
        }
        return null;
    }

    private void schedule(long delayMillis) {
        if (!closed) {
            vertx.setTimer(delayMillis, id -> check());
        }
    }

    private void check() {
        if (closed) {
            return;
        }
        List<Future<String>> answers = sentinels.stream().map(this::askPrimary).toList();
        Future.join(answers).onComplete(all -> {
            List<String> named = answers.stream().map(answer -> answer.succeeded() ? answer.result() : null).toList();
            String primary = majority(named, sentinels.size());
            boolean moved = false;
            for (int i = 0; primary != null && !closed && i < followers.size(); i++) {
                moved |= move(followers.get(i), primary);
            }
            schedule(moved ? Math.max(1, intervalMillis / 4) : intervalMillis);
        });
    }

    private static boolean move(FollowsPrimary follower, String primary) {
        try {
            return follower.closeUnlessOn(primary);
        } catch (RuntimeException unexpected) { // never stop watching, nor skip the others, because of a bug here
            LOG.log(Level.WARNING, "could not check the node of a connection against the primary the Sentinels name", unexpected);
            return false;
        }
    }

    /** What one Sentinel answers to {@code SENTINEL GET-MASTER-ADDR-BY-NAME}, as {@code host:port}; fails after the timeout. */
    private Future<String> askPrimary(Redis sentinel) {
        Promise<String> answer = Promise.promise();
        long deadline = vertx.setTimer(timeoutMillis,
                id -> answer.tryFail(new TimeoutException("no answer within " + timeoutMillis + " ms")));
        sentinel.send(Request.cmd(Command.SENTINEL).arg("GET-MASTER-ADDR-BY-NAME").arg(masterName)).onComplete(reply -> {
            vertx.cancelTimer(deadline);
            if (reply.failed()) {
                answer.tryFail(reply.cause());
            } else {
                answer.tryComplete(hostPort(reply.result()));
            }
        });
        return answer.future();
    }

    private static String hostPort(Response reply) {
        return reply == null || reply.size() < 2 ? null : NodeUri.hostPort(reply.get(0).toString(), reply.get(1).toInteger());
    }

    void close() {
        closed = true;
        sentinels.forEach(Redis::close);
    }
}
