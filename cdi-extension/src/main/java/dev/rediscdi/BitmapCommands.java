package dev.rediscdi;

import java.util.concurrent.CompletionStage;

/**
 * Commands on bitmaps (strings seen as bit arrays). Get it with {@code redis.bitmap()}. Byte ranges count bytes,
 * negative from the end.
 *
 * @param <K> the key type
 */
public interface BitmapCommands<K> {

    /** {@code SETBIT}: the bit's previous value. */
    CompletionStage<Boolean> setbit(K key, long offset, boolean value);

    /** {@code GETBIT}: {@code false} beyond the end. */
    CompletionStage<Boolean> getbit(K key, long offset);

    /** {@code BITCOUNT}: how many bits are set. */
    CompletionStage<Long> bitcount(K key);

    /** {@code BITCOUNT} over the bytes {@code start} to {@code end}. */
    CompletionStage<Long> bitcount(K key, long start, long end);

    /** {@code BITPOS}: the position of the first bit equal to {@code bit}, or -1. */
    CompletionStage<Long> bitpos(K key, boolean bit);

    /** {@code BITPOS} within the bytes {@code start} to {@code end}. */
    CompletionStage<Long> bitpos(K key, boolean bit, long start, long end);
}
