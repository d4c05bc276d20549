package dev.rediscdi;

import java.util.Map;

/**
 * An entry of a stream.
 *
 * @param stream the stream's key
 * @param id the entry id, such as {@code 1700000000000-0}
 * @param fields the entry's fields and values, in their order; empty for an entry deleted (XDEL, trimming) while it
 *        was pending: reading a consumer's pending entries ({@code XREADGROUP} with id {@code 0}) gives only its id,
 *        and it stays pending until acknowledged ({@code XACK})
 */
public record StreamMessage<K, V>(K stream, String id, Map<String, V> fields) {
}
