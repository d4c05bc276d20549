package dev.rediscdi;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Commands on streams, with {@code String} field names and field values of type {@code V}: enough for a
 * reliable work queue (consumer groups, acknowledgements, claiming the entries of a consumer that died).
 * Get it with {@code redis.stream(String.class)}. Reads that block ({@link XReadArgs#block}) run on a connection
 * of their own and get no client timeout.
 *
 * @param <K> the key type
 * @param <V> the type of the fields' values
 */
public interface StreamCommands<K, V> {

    /** {@code XADD key * field value...}: the new entry's id. */
    CompletionStage<String> xadd(K key, Map<String, V> fields);

    /** {@code XADD} with trimming, an explicit id or {@code NOMKSTREAM}: the id, or {@code null} if the stream was not created. */
    CompletionStage<String> xadd(K key, XAddArgs args, Map<String, V> fields);

    /** {@code XLEN}. */
    CompletionStage<Long> xlen(K key);

    /** {@code XRANGE} from {@code start} to {@code end} ({@code -} and {@code +} for all), at most {@code count} entries. */
    CompletionStage<List<StreamMessage<K, V>>> xrange(K key, String start, String end, long count);

    /** {@code XREAD}: entries after the given ids ({@code $} for only new ones), stream by stream. */
    CompletionStage<List<StreamMessage<K, V>>> xread(Map<K, String> idsByStream, XReadArgs args);

    /** {@code XGROUP CREATE}, optionally with {@code MKSTREAM}; {@code from} is {@code $} (new entries only) or an id ({@code 0}: all). */
    CompletionStage<Void> xgroupCreate(K key, String group, String from, boolean mkStream);

    /** {@code XREADGROUP}: entries for {@code consumer}; id {@code >} asks for never-delivered ones, {@code 0} for its own pending ones. */
    CompletionStage<List<StreamMessage<K, V>>> xreadgroup(String group, String consumer, Map<K, String> idsByStream, XReadArgs args);

    /** {@code XACK}: how many entries were acknowledged. */
    CompletionStage<Long> xack(K key, String group, String... ids);

    /** {@code XPENDING key group}: the summary. */
    CompletionStage<PendingSummary> xpending(K key, String group);

    /** {@code XPENDING} in its extended form: one line per pending entry. */
    CompletionStage<List<PendingMessage>> xpending(K key, String group, XPendingArgs args);

    /** {@code XCLAIM}: takes over pending entries idle for at least {@code minIdle}; the entries now owned. */
    CompletionStage<List<StreamMessage<K, V>>> xclaim(K key, String group, String consumer, Duration minIdle, String... ids);

    /** {@code XAUTOCLAIM}: takes over up to {@code count} entries idle for at least {@code minIdle}, from id {@code start}. */
    CompletionStage<AutoClaimResult<K, V>> xautoclaim(K key, String group, String consumer, Duration minIdle, String start, long count);

    /** {@code XTRIM}: how many entries were removed. */
    CompletionStage<Long> xtrim(K key, StreamTrim trim);

    /** {@code XDEL}: how many entries were removed. */
    CompletionStage<Long> xdel(K key, String... ids);
}
