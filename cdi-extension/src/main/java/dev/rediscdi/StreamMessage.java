package dev.rediscdi;

import java.util.Map;

/**
 * An entry of a stream.
 *
 * @param stream the stream's key
 * @param id the entry id, such as {@code 1700000000000-0}
 * @param fields the entry's fields and values, in their order
 */
public record StreamMessage<K, V>(K stream, String id, Map<String, V> fields) {
}
