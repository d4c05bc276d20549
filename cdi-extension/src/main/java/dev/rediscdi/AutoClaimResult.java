package dev.rediscdi;

import java.util.List;

/**
 * What {@code XAUTOCLAIM} answers.
 *
 * @param nextId where the next call should start; {@code 0-0} when the whole pending list was scanned
 * @param claimed the entries now owned by the claiming consumer
 * @param deletedIds pending ids whose entries no longer exist (removed from the pending list)
 */
public record AutoClaimResult<K, V>(String nextId, List<StreamMessage<K, V>> claimed, List<String> deletedIds) {
}
