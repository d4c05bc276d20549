package dev.rediscdi;

/**
 * A value and the key it came from, as blocking pops answer.
 *
 * @param key the key
 * @param value the value
 */
public record KeyValue<K, V>(K key, V value) {
}
