package dev.rediscdi.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.vertx.redis.client.Request;

/** A cluster refuses an SSUBSCRIBE naming channels of two slots (CROSSSLOT): shard channels go one request per slot. */
class TopicKindTest {

    @Test
    void shouldSplitShardChannelsBySlotAndKeepOtherTopicsInOneRequest() {
        List<String> topics = List.of("{orders}.eu", "news", "{orders}.us");
        assertThat(TopicKind.slot("{orders}.eu")).isEqualTo(TopicKind.slot("{orders}.us")).isNotEqualTo(TopicKind.slot("news"));

        List<Request> shard = TopicKind.SHARD.subscribe(topics);
        assertThat(shard).hasSize(2);
        assertThat(shard.get(0).toString()).containsIgnoringCase("SSUBSCRIBE").contains("{orders}.eu", "{orders}.us").doesNotContain("news");
        assertThat(shard.get(1).toString()).containsIgnoringCase("SSUBSCRIBE").contains("news");
        assertThat(TopicKind.SHARD.unsubscribe(topics)).hasSize(2);

        assertThat(TopicKind.CHANNEL.subscribe(topics)).singleElement().asString().containsIgnoringCase("SUBSCRIBE").contains("{orders}.eu", "news", "{orders}.us");
        assertThat(TopicKind.PATTERN.unsubscribe(topics)).hasSize(1);
    }
}
