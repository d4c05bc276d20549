package dev.rediscdi.sample.quarkus.leaderboard;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.inject.Inject;
import dev.rediscdi.sample.quarkus.BadRequest;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.rediscdi.RedisClient;
import dev.rediscdi.ScoredValue;
import dev.rediscdi.SortedSetCommands;
import dev.rediscdi.ZRangeArgs;

/** A leaderboard on a sorted set ({@code leaderboard:BOARD}): ZINCRBY to score, ZRANGE REV for the top, ZREVRANK for a rank. */
@Path("/leaderboards/{board}")
@Produces(MediaType.APPLICATION_JSON)
public class LeaderboardResource {

    /** The key prefix of the boards. */
    public static final String KEY_PREFIX = "leaderboard:";
    private static final int MAX_TOP = 100;

    @Inject
    RedisClient redis;

    /** Adds points to a player's score (negative points take some away); answers the player's new place. */
    @POST
    @Path("players/{player}/points/{points}")
    public CompletionStage<LeaderboardEntry> score(@PathParam("board") String board, @PathParam("player") String player,
            @PathParam("points") double points) {
        return scores().zincrby(KEY_PREFIX + board, points, player)
                .thenCompose(score -> scores().zrevrank(KEY_PREFIX + board, player)
                        .thenApply(rank -> new LeaderboardEntry(rank + 1, player, score)));
    }

    /** The best {@code top} players, best first. */
    @GET
    public CompletionStage<List<LeaderboardEntry>> top(@PathParam("board") String board, @QueryParam("top") @DefaultValue("10") int top) {
        if (top < 1 || top > MAX_TOP) {
            throw BadRequest.because("top=" + top + " is out of range: ask for 1 to " + MAX_TOP + " players");
        }
        return scores().zrangeWithScores(KEY_PREFIX + board, 0, top - 1, new ZRangeArgs().rev()).thenApply(LeaderboardResource::ranked);
    }

    /** One player's place, or 404 if the player has no score on this board. */
    @GET
    @Path("players/{player}")
    public CompletionStage<Response> player(@PathParam("board") String board, @PathParam("player") String player) {
        String key = KEY_PREFIX + board;
        return scores().zscore(key, player).thenCompose(score -> score == null
                ? CompletableFuture.completedFuture(Response.status(Response.Status.NOT_FOUND).build())
                : scores().zrevrank(key, player).thenApply(rank -> Response.ok(new LeaderboardEntry(rank + 1, player, score)).build()));
    }

    private SortedSetCommands<String, String> scores() {
        return redis.sortedSet(String.class);
    }

    private static List<LeaderboardEntry> ranked(List<ScoredValue<String>> best) {
        List<LeaderboardEntry> entries = new ArrayList<>(best.size());
        for (int i = 0; i < best.size(); i++) {
            entries.add(new LeaderboardEntry(i + 1, best.get(i).value(), best.get(i).score()));
        }
        return entries;
    }
}
