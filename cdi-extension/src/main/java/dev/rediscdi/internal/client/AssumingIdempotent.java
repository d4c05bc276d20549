package dev.rediscdi.internal.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import dev.rediscdi.BlockingRedisClient;
import dev.rediscdi.RedisClient;
import dev.rediscdi.ReplyType;
import dev.rediscdi.ScopedConnection;
import dev.rediscdi.Subscription;
import dev.rediscdi.SubscriptionListener;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/** The view of {@link RedisClient#assumingIdempotent()}: the same client, whose retries treat every command as idempotent. */
final class AssumingIdempotent implements RedisClient, LibraryClient {
    private final DefaultRedisClient client;
    private final BlockingRedisClient blocking;

    /** @param longestCall how long one call may take: the timeout, and the retries' duration when retries are on */
    AssumingIdempotent(DefaultRedisClient client, String clientLabel, Duration longestCall) {
        this.client = client;
        this.blocking = new DefaultBlockingRedisClient(this, clientLabel, longestCall);
    }

    DefaultRedisClient client() {
        return client;
    }

    @Override
    public String name() {
        return client.name();
    }

    @Override
    public CompletionStage<Response> send(String command, Object... args) {
        return send(Requests.of(command, args));
    }

    @Override
    public <T> CompletionStage<T> execute(ReplyType<T> replyType, String command, Object... args) {
        return client.execute(replyType, Requests.of(command, args), true);
    }

    @Override
    public CompletionStage<Response> send(Request request) {
        return client.handOver(client.sendInternally(request, true));
    }

    @Override
    public CompletionStage<Response> sendInternally(Request request) {
        return client.sendInternally(request, true);
    }

    @Override
    public <T> CompletionStage<T> handOver(CompletionStage<T> stage) {
        return client.handOver(stage);
    }

    @Override
    public CompletionStage<List<Response>> batch(List<Request> requests) {
        return client.batch(requests, true);
    }

    @Override
    public CompletionStage<List<io.vertx.core.Future<Response>>> pipelineInternally(List<Request> requests) {
        return client.pipelineInternally(requests, true);
    }

    @Override
    public CompletionStage<Subscription> subscribe(SubscriptionListener listener, String... channels) {
        return client.subscribe(listener, channels);
    }

    @Override
    public CompletionStage<Subscription> psubscribe(SubscriptionListener listener, String... patterns) {
        return client.psubscribe(listener, patterns);
    }

    @Override
    public CompletionStage<Subscription> ssubscribe(SubscriptionListener listener, String... shardChannels) {
        return client.ssubscribe(listener, shardChannels);
    }

    @Override
    public <T> CompletionStage<T> withConnection(Function<ScopedConnection, ? extends CompletionStage<T>> work) {
        return client.withConnection(work);
    }

    @Override
    public BlockingRedisClient blocking() {
        return blocking;
    }

    @Override
    public RedisClient assumingIdempotent() {
        return this;
    }

    @Override
    public String toString() {
        return client + " (commands assumed idempotent)";
    }

    @Override
    public boolean isCluster() {
        return client.isCluster();
    }

    @Override
    public CompletionStage<List<String>> clusterPrimariesInternally() {
        return client.clusterPrimariesInternally();
    }

    @Override
    public CompletionStage<Response> sendToNodeInternally(String node, Request request) {
        return client.sendToNodeInternally(node, request, true);
    }
}
