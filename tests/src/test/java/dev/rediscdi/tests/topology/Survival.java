package dev.rediscdi.tests.topology;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.rediscdi.testing.RedisServer;
import dev.rediscdi.tests.topology.SteadyWrites.Outcome;

/**
 * Which acknowledged writes are still there at the end, read from the servers themselves (not through the client
 * under test), split into those a replica had confirmed and the others.
 */
record Survival(int acknowledged, int confirmed, List<String> confirmedLost, List<String> unconfirmedLost) {
    private static final int KEYS_PER_MGET = 500;

    /**
     * @param nodeOf the server that owns a key's data now; keys given to one MGET share their node and slot
     * @param slotOf a grouping under which keys may go together into one MGET
     */
    static Survival check(List<Outcome> outcomes, Function<String, RedisServer> nodeOf, Function<String, Object> slotOf) {
        List<Outcome> acknowledged = outcomes.stream().filter(Outcome::acknowledged).toList();
        Map<Object, List<Outcome>> bySlot = new LinkedHashMap<>();
        acknowledged.forEach(o -> bySlot.computeIfAbsent(slotOf.apply(o.key()), slot -> new ArrayList<>()).add(o));
        List<String> confirmedLost = new ArrayList<>();
        List<String> unconfirmedLost = new ArrayList<>();
        for (List<Outcome> slot : bySlot.values()) {
            RedisServer node = nodeOf.apply(slot.get(0).key());
            for (int from = 0; from < slot.size(); from += KEYS_PER_MGET) {
                List<Outcome> chunk = slot.subList(from, Math.min(slot.size(), from + KEYS_PER_MGET));
                List<String> command = new ArrayList<>(List.of("MGET"));
                chunk.forEach(o -> command.add(o.key()));
                List<String> values = Arrays.asList(node.command(command.toArray(String[]::new)).split("\n", -1));
                for (int i = 0; i < chunk.size(); i++) {
                    Outcome outcome = chunk.get(i);
                    if (!outcome.value().equals(values.get(i))) {
                        (outcome.confirmed() ? confirmedLost : unconfirmedLost).add(outcome.key());
                    }
                }
            }
        }
        return new Survival(acknowledged.size(), (int) acknowledged.stream().filter(Outcome::confirmed).count(),
                confirmedLost, unconfirmedLost);
    }

    @Override
    public String toString() {
        return acknowledged + " acknowledged (" + confirmed + " confirmed by WAIT): lost " + confirmedLost.size()
                + " confirmed, " + unconfirmedLost.size() + " unconfirmed";
    }
}
