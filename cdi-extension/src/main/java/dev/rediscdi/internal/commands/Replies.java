package dev.rediscdi.internal.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import io.vertx.redis.client.Response;
import io.vertx.redis.client.ResponseType;

/**
 * Reads replies whose shape differs between RESP2 and RESP3: maps (a RESP3 map or a RESP2 flat array of keys and
 * values), pairs ({@code WITHSCORES}: nested in RESP3, flat in RESP2), doubles (a RESP3 double or a RESP2 bulk
 * string, {@code inf} included).
 */
final class Replies {
    private Replies() {
    }

    static Long toLong(Response reply) {
        return reply == null ? null : reply.toLong();
    }

    static Boolean toBoolean(Response reply) {
        return reply != null && reply.toBoolean();
    }

    static String toText(Response reply) {
        return reply == null ? null : reply.toString();
    }

    static Void none(Response reply) {
        return null;
    }

    static Double toDouble(Response reply) {
        if (reply == null) {
            return null;
        }
        if (reply.type() == ResponseType.BULK || reply.type() == ResponseType.SIMPLE) {
            String text = reply.toString();
            return switch (text) {
                case "inf", "+inf" -> Double.POSITIVE_INFINITY;
                case "-inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(text);
            };
        }
        return reply.toDouble();
    }

    /** The elements of an array reply; empty for nil. */
    static List<Response> elements(Response reply) {
        if (reply == null) {
            return List.of();
        }
        List<Response> elements = new ArrayList<>(reply.size());
        for (Response element : reply) {
            elements.add(element);
        }
        return elements;
    }

    /**
     * Walks the pairs of a map-like reply: a RESP3 map, an array of two-element arrays, or a flat array of
     * alternating keys and values. Nothing for nil.
     */
    static void forEachPair(Response reply, BiConsumer<Response, Response> action) {
        if (reply == null || reply.size() == 0) {
            return;
        }
        if (reply.isMap() || reply.get(0) != null && reply.get(0).type() == ResponseType.MULTI) {
            for (Response pair : reply) {
                action.accept(pair.get(0), pair.get(1));
            }
            return;
        }
        for (int i = 0; i + 1 < reply.size(); i += 2) {
            action.accept(reply.get(i), reply.get(i + 1));
        }
    }
}
