package dev.rediscdi.internal.commands;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import dev.rediscdi.GeoCommands;
import dev.rediscdi.GeoPosition;
import dev.rediscdi.GeoResult;
import dev.rediscdi.GeoSearchArgs;
import dev.rediscdi.GeoUnit;
import dev.rediscdi.internal.codec.Codecs;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

@SuppressWarnings("varargs") // the varargs arrays are only read, never stored or exposed
final class GeoGroup<K, V> extends Group<K, V> implements GeoCommands<K, V> {

    GeoGroup(CommandSink sink, Codecs codecs, Type keyType, Type valueType) {
        super(sink, codecs, keyType, valueType);
    }

    @Override
    public CompletionStage<Boolean> geoadd(K key, double longitude, double latitude, V member) {
        GeoPosition position = new GeoPosition(longitude, latitude); // refuses NaN and infinities, naming the coordinate
        Request request = on(Command.GEOADD, key).arg(number(position.longitude())).arg(number(position.latitude()));
        values.add(request, member);
        return send(request, Replies::toBoolean);
    }

    @Override
    public CompletionStage<Long> geoadd(K key, Map<V, GeoPosition> positions) {
        if (positions == null || positions.isEmpty()) {
            throw new IllegalArgumentException("GEOADD: positions are empty; give at least one member and position");
        }
        Request request = on(Command.GEOADD, key);
        positions.forEach((member, position) -> {
            if (position == null) {
                throw new IllegalArgumentException("GEOADD: a position is null; give each member a longitude and latitude");
            }
            request.arg(number(position.longitude())).arg(number(position.latitude()));
            values.add(request, member);
        });
        return send(request, Replies::toLong);
    }

    @SafeVarargs
    @Override
    public final CompletionStage<List<GeoPosition>> geopos(K key, V... members) {
        Request request = on(Command.GEOPOS, key);
        values.addAll(request, members);
        return send(request, reply -> {
            List<GeoPosition> positions = new ArrayList<>();
            Replies.elements(reply).forEach(position -> positions.add(position(position)));
            return positions;
        });
    }

    private static GeoPosition position(Response reply) {
        return reply == null ? null : new GeoPosition(Replies.toDouble(reply.get(0)), Replies.toDouble(reply.get(1)));
    }

    @Override
    public CompletionStage<Double> geodist(K key, V from, V to, GeoUnit unit) {
        Request request = on(Command.GEODIST, key);
        values.add(request, from);
        values.add(request, to);
        return send(request.arg(required("GEODIST", "unit", unit, "a GeoUnit, such as GeoUnit.KM").name()), Replies::toDouble);
    }

    @Override
    public CompletionStage<List<GeoResult<V>>> geosearch(K key, GeoSearchArgs<V> args) {
        requireArgs("geosearch", args, "GeoSearchArgs.fromMember(..) or fromPosition(..), then byRadius(..) or byBox(..)");
        Request request = on(Command.GEOSEARCH, key);
        if (args.centerMember() != null) {
            values.add(request.arg("FROMMEMBER"), args.centerMember());
        } else {
            request.arg("FROMLONLAT").arg(number(args.centerPosition().longitude())).arg(number(args.centerPosition().latitude()));
        }
        options(request, args.shapeAndOptions()).arg("WITHCOORD").arg("WITHDIST");
        // each result is [member, distance, [longitude, latitude]], in both protocols
        return send(request, reply -> Replies.elements(reply).stream()
                .map(found -> new GeoResult<>(value(found.get(0), key), Replies.toDouble(found.get(1)), position(found.get(2))))
                .toList());
    }
}
