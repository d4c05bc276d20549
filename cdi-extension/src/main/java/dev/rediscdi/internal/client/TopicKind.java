package dev.rediscdi.internal.client;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.impl.ZModem;

/** The three kinds of subscription Redis has: their commands, and the frames that confirm them and carry their messages. */
enum TopicKind {
    CHANNEL(Command.SUBSCRIBE, Command.UNSUBSCRIBE, "subscribe", "message", "channel"),
    PATTERN(Command.PSUBSCRIBE, Command.PUNSUBSCRIBE, "psubscribe", "pmessage", "pattern"),
    /** Shard channels (Redis 7): on a cluster each lives in the slot of its name, and SSUBSCRIBE takes one slot's channels. */
    SHARD(Command.SSUBSCRIBE, Command.SUNSUBSCRIBE, "ssubscribe", "smessage", "shard channel");

    private final Command subscribe;
    private final Command unsubscribe;
    /** The first element of the frame confirming a subscription. */
    final String confirmation;
    /** The first element of the frame carrying a message. */
    final String message;
    /** What a topic of this kind is called in messages to the application. */
    final String noun;

    TopicKind(Command subscribe, Command unsubscribe, String confirmation, String message, String noun) {
        this.subscribe = subscribe;
        this.unsubscribe = unsubscribe;
        this.confirmation = confirmation;
        this.message = message;
        this.noun = noun;
    }

    List<Request> subscribe(Collection<String> topics) {
        return requests(subscribe, topics);
    }

    List<Request> unsubscribe(Collection<String> topics) {
        return requests(unsubscribe, topics);
    }

    /** The name of the command, as timeouts and failures name it. */
    String subscribeCommand() {
        return subscribe.toString().toUpperCase(java.util.Locale.ROOT);
    }

    /** One request for all topics, or for shard channels one per slot: a cluster refuses one naming two slots (CROSSSLOT). */
    private List<Request> requests(Command command, Collection<String> topics) {
        Map<Integer, Request> bySlot = new LinkedHashMap<>();
        for (String topic : topics) {
            bySlot.computeIfAbsent(this == SHARD ? slot(topic) : 0, slot -> Request.cmd(command)).arg(topic);
        }
        return new ArrayList<>(bySlot.values());
    }

    /** The cluster hash slot of {@code topic} (its hash tag's, if it has one). */
    static int slot(String topic) {
        return ZModem.generate(topic);
    }
}
