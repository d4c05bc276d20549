package dev.rediscdi.tests.soak;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Live objects per class, from the class histogram the JVM takes after a full GC ({@code jcmd GC.class_histogram}, here
 * through the DiagnosticCommand MBean, so that no tool outside the JVM is needed): what a redeploy or a churn leaves
 * reachable, and nothing that is merely garbage not collected yet.
 */
final class HeapCensus {
    /** {@code   12:        345        6789  dev.rediscdi.internal.client.PendingCommand (module)}. */
    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+\\d+\\s+(\\S+)", Pattern.MULTILINE);

    private HeapCensus() {
    }

    /** The live instances of each class whose name {@code counted} accepts; classes with none are absent. */
    static Map<String, Long> of(Predicate<String> counted) {
        String histogram;
        try {
            histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "gcClassHistogram", new Object[] {new String[0]}, new String[] {String[].class.getName()});
        } catch (JMException e) {
            throw new IllegalStateException("this JVM offers no class histogram (DiagnosticCommand MBean, gcClassHistogram)", e);
        }
        Map<String, Long> counts = new TreeMap<>();
        Matcher row = ROW.matcher(histogram);
        while (row.find()) {
            if (counted.test(row.group(2))) {
                counts.merge(row.group(2), Long.parseLong(row.group(1)), Long::sum);
            }
        }
        return counts;
    }

    /** The classes of the library (not its tests) and of the Vert.x Redis driver. */
    static boolean libraryOrDriver(String type) {
        return (type.startsWith("dev.rediscdi.") && !type.startsWith("dev.rediscdi.tests.")) || type.startsWith("io.vertx.redis.");
    }

    /**
     * The census once {@code settled} accepts it, or the last one taken if it does not within {@code within}: a client
     * lets go of its last objects on its event loops (a reply just read, the deadline sweep's next turn), shortly after
     * the calls completed.
     */
    static Map<String, Long> once(Predicate<String> counted, Predicate<Map<String, Long>> settled, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        Map<String, Long> now = of(counted);
        for (int attempt = 0; attempt < 50 && !settled.test(now) && System.nanoTime() < deadline; attempt++) {
            Thread.sleep(200);
            now = of(counted);
        }
        return now;
    }

    /** The classes of {@code now} with more instances than in {@code before} plus {@code slack}, and how many more. */
    static Map<String, Long> grownBeyond(Map<String, Long> before, Map<String, Long> now, long slack) {
        Map<String, Long> grown = new TreeMap<>();
        now.forEach((type, count) -> {
            long more = count - before.getOrDefault(type, 0L);
            if (more > slack) {
                grown.put(type, more);
            }
        });
        return grown;
    }
}
