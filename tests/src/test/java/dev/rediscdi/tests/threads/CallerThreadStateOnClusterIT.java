package dev.rediscdi.tests.threads;

import static dev.rediscdi.tests.threads.CallerThread.assertLeavesNoNettyState;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.rediscdi.RedisClient;
import dev.rediscdi.ScanArgs;
import dev.rediscdi.tests.TestConfig;
import dev.rediscdi.tests.topology.SharedTopologies;

/**
 * No call of the library leaves Netty's per-thread state on the caller's thread (see {@link CallerThread}), on a
 * cluster: the calls that reach one node through a driver client of that node's own.
 */
class CallerThreadStateOnClusterIT {

    @RegisterExtension
    final TestConfig config = SharedTopologies.clusterClient(SharedTopologies.cluster());

    /** The blocking iteration asks for each page on the caller's thread: each primary's SCAN goes to that node's own client. */
    @Test
    void shouldLeaveNoNettyStateAfterAScanOfEveryPrimary() throws Exception {
        assertLeavesNoNettyState("blocking().keys().scan(..) (SCAN pages of each primary)", container -> () -> {
            List<String> keys = new ArrayList<>();
            redis(container).blocking().keys().scan(new ScanArgs().match("caller-thread:" + UUID.randomUUID() + ":*")).forEach(keys::add);
            return CompletableFuture.completedFuture(keys);
        });
    }

    @Test
    void shouldLeaveNoNettyStateAfterAShardChannelSubscription() throws Exception {
        assertLeavesNoNettyState("ssubscribe(..)",
                container -> () -> redis(container).ssubscribe(message -> { }, "caller-thread:" + UUID.randomUUID()));
    }

    @Test
    void shouldLeaveNoNettyStateAfterWithConnection() throws Exception {
        assertLeavesNoNettyState("withConnection", container -> () -> redis(container).withConnection(connection -> connection.send("PING")));
    }

    private static RedisClient redis(WeldContainer container) {
        return container.select(RedisClient.class).get();
    }
}
