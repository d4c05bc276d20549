package dev.rediscdi.internal.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.redis.client.impl.RequestImpl;
import io.vertx.redis.client.impl.ZModem;
import io.vertx.redis.client.impl.types.MultiType;

/**
 * MGET over keys of several cluster slots. The driver 4.5 splits such an MGET by slot but joins the replies
 * slot by slot, not in the order of the keys, so values come back under the wrong keys. This class splits the
 * same way and puts every value back at the position of its key.
 */
final class ClusterMget {
    private ClusterMget() {
    }

    /** The keys of an MGET grouped by slot, positions kept; {@code null} when one slot holds them all. */
    static Map<Integer, List<Integer>> slotsOf(Request request) {
        if (request.command() != Command.MGET) {
            return null;
        }
        List<byte[]> keys = ((RequestImpl) request).keys();
        Map<Integer, List<Integer>> positions = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            positions.computeIfAbsent(ZModem.generate(keys.get(i)), slot -> new ArrayList<>()).add(i);
        }
        return positions.size() > 1 ? positions : null;
    }

    static CompletionStage<Response> send(Request request, Map<Integer, List<Integer>> positions,
            Function<Request, CompletionStage<Response>> sender) {
        List<byte[]> keys = ((RequestImpl) request).keys();
        List<List<Integer>> groups = new ArrayList<>(positions.values());
        List<CompletableFuture<Response>> parts = new ArrayList<>(groups.size());
        for (List<Integer> group : groups) {
            Request part = Request.cmd(Command.MGET);
            group.forEach(position -> part.arg(keys.get(position)));
            parts.add(sender.apply(part).toCompletableFuture());
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(done -> {
            Response[] ordered = new Response[keys.size()];
            for (int g = 0; g < groups.size(); g++) {
                Response reply = parts.get(g).join();
                List<Integer> group = groups.get(g);
                for (int j = 0; j < group.size(); j++) {
                    ordered[group.get(j)] = reply.get(j);
                }
            }
            MultiType values = MultiType.create(ordered.length, false);
            for (Response value : ordered) {
                values.add(value);
            }
            return values;
        });
    }
}
