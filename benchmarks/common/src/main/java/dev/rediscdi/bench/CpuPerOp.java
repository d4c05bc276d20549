package dev.rediscdi.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time per operation, of the benchmark JVM and of the redis-server it talks to ({@code INFO cpu}), per
 * iteration: {@code -prof dev.rediscdi.bench.CpuPerOp}. On a machine shared with other work, throughput moves
 * with the neighbours; the CPU a client spends on each command moves much less, so it compares clients fairly.
 * The JVM's share includes JMH's own threads (the same for every client).
 */
public class CpuPerOp implements InternalProfiler {
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long jvmStartNanos;
    private double redisStartSeconds;

    @Override
    public String getDescription() {
        return "CPU microseconds per operation of this JVM and of redis-server";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        jvmStartNanos = os.getProcessCpuTime();
        redisStartSeconds = redisCpuSeconds();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
        long jvmNanos = os.getProcessCpuTime() - jvmStartNanos;
        double redisSeconds = redisCpuSeconds() - redisStartSeconds;
        long ops = Math.max(1, result.getMetadata().getMeasuredOps());
        return List.of(
                new ScalarResult("cpu.client", jvmNanos / 1_000.0 / ops, "µs/op", AggregationPolicy.AVG),
                new ScalarResult("cpu.redis", redisSeconds * 1_000_000.0 / ops, "µs/op", AggregationPolicy.AVG));
    }

    /** used_cpu_sys + used_cpu_user of the benchmark's redis-server. */
    private static double redisCpuSeconds() {
        try (Socket socket = new Socket(Data.host(), Data.port())) {
            socket.setSoTimeout(2_000);
            OutputStream out = socket.getOutputStream();
            out.write("INFO cpu\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            double total = 0;
            int found = 0;
            for (String line = in.readLine(); line != null && found < 2; line = in.readLine()) {
                if (line.startsWith("used_cpu_sys:") || line.startsWith("used_cpu_user:")) {
                    total += Double.parseDouble(line.substring(line.indexOf(':') + 1).trim());
                    found++;
                }
            }
            return total;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read INFO cpu from redis-server at " + Data.host() + ":" + Data.port(), e);
        }
    }
}
