package dev.rediscdi;

/**
 * A member of a sorted set with its score.
 *
 * @param value the member
 * @param score its score
 */
public record ScoredValue<V>(V value, double score) {
}
