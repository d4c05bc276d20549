package dev.rediscdi.sample.quarkus.leaderboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.rediscdi.sample.quarkus.RedisServerResource;
import dev.rediscdi.sample.quarkus.RedisServerResource.InjectRedisServer;
import dev.rediscdi.testing.RedisServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(RedisServerResource.class)
class LeaderboardResourceTest {

    @InjectRedisServer
    RedisServer server;

    @Test
    void shouldAddPointsAndAnswerTheNewScoreAndRank() {
        String board = board();
        score(board, "ann", 10);
        score(board, "bob", 30);

        given().when().post("/leaderboards/{board}/players/ann/points/25", board).then().statusCode(200)
                .body("player", equalTo("ann")).body("score", equalTo(35.0f)).body("rank", equalTo(1));
        assertThat(server.command("ZSCORE", "leaderboard:" + board, "ann")).isEqualTo("35");
    }

    @Test
    void shouldListTheTopPlayersBestFirstWithScores() {
        String board = board();
        score(board, "ann", 10);
        score(board, "bob", 30);
        score(board, "cid", 20);
        score(board, "dan", 5);

        List<LeaderboardEntry> top = List.of(given().when().get("/leaderboards/{board}?top=3", board).then().statusCode(200)
                .extract().as(LeaderboardEntry[].class));

        assertThat(top).containsExactly(new LeaderboardEntry(1, "bob", 30), new LeaderboardEntry(2, "cid", 20),
                new LeaderboardEntry(3, "ann", 10));
    }

    @Test
    void shouldAnswerOnePlayersRankAnd404ForAStranger() {
        String board = board();
        score(board, "ann", 10);
        score(board, "bob", 30);

        given().when().get("/leaderboards/{board}/players/ann", board).then().statusCode(200)
                .body("rank", equalTo(2)).body("score", equalTo(10.0f));
        given().when().get("/leaderboards/{board}/players/zoe", board).then().statusCode(404);
    }

    @Test
    void shouldTakePointsAwayWithNegativePoints() {
        String board = board();
        score(board, "ann", 10);

        given().when().post("/leaderboards/{board}/players/ann/points/-4", board).then().statusCode(200).body("score", equalTo(6.0f));
    }

    @Test
    void shouldRefuseATopOutOfRangeSayingWhy() {
        given().when().get("/leaderboards/{board}?top=0", board()).then().statusCode(400)
                .body(containsString("top=0 is out of range")).body(containsString("1 to 100"));
    }

    private static String board() {
        return "board-" + System.nanoTime();
    }

    private static void score(String board, String player, int points) {
        given().when().post("/leaderboards/{board}/players/{player}/points/{points}", board, player, points).then().statusCode(200);
    }
}
