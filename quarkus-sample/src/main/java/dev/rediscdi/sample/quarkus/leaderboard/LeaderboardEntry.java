package dev.rediscdi.sample.quarkus.leaderboard;

/** A player's place on a board: rank 1 is the best score. */
public record LeaderboardEntry(long rank, String player, double score) {
}
