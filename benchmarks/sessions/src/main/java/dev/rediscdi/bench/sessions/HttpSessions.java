package dev.rediscdi.bench.sessions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

import dev.rediscdi.testing.RedisServer;

/**
 * 64 users with cookies against one embedded Jetty 12.1, each request reading the session, every tenth changing
 * one attribute. JMH samples each request's latency (p99 from its histogram); the server process counts the
 * requests it served and its own CPU time, and Redis its commands and CPU time, in each measurement iteration:
 * written to {@code sessions-<variant>-<reads>.json} in the directory of the system property {@code bench.out}
 * (default: the working directory). Warm-up: 60 s (6 x 10 s: with 30 s the server still got faster during the measurement);
 * measurement: 30 s (3 x 10 s).
 *
 * <p>The load generator runs in JMH's JVM, the server in a JVM of its own ({@link ServerProcess}, JVM options from
 * the environment variable {@code BENCH_SERVER_JVM}, default {@code -Xms1g -Xmx1g}), Redis in a process of its own: all on one machine.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(64)
@Fork(1)
@Warmup(iterations = 6, time = 10)
@Measurement(iterations = 3, time = 10)
public class HttpSessions {
    static final int WRITE_EVERY = 10;

    /** One server with one Redis, for the whole run of one variant. */
    @State(Scope.Benchmark)
    public static class Site {
        @Param({ "memory", "redis_cdi", "spring", "spring_indexed" })
        public String variant;

        /** What every request reads: the user's name (a String), or also a profile (a small mutable object). */
        @Param({ "user", "user_and_profile" })
        public String reads;

        RedisServer redis;
        ServerProcess server;
        HttpClient http;
        URI app;
        URI stats;
        private final Totals totals = new Totals();
        private Snapshot before;

        @Setup(Level.Trial)
        public void start() throws Exception {
            redis = RedisServer.builder().start();
            Path out = Path.of(System.getProperty("bench.out", "."));
            Files.createDirectories(out);
            List<String> jvm = List.of(Objects.requireNonNullElse(System.getenv("BENCH_SERVER_JVM"), "-Xms1g -Xmx1g").trim().split("\\s+"));
            server = new ServerProcess(Variant.valueOf(variant.toUpperCase(Locale.ROOT)), redis.port(), jvm, out.resolve("sessions-" + variant + "-server.log"));
            http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
            app = URI.create("http://127.0.0.1:" + server.port() + "/app/");
            stats = URI.create("http://127.0.0.1:" + server.port() + "/stats");
        }

        @Setup(Level.Iteration)
        public void beforeIteration(IterationParams iteration) {
            before = iteration.getType() == IterationType.MEASUREMENT ? snapshot() : null;
        }

        @TearDown(Level.Iteration)
        public void afterIteration() {
            if (before != null) {
                totals.add(before, snapshot());
            }
        }

        @TearDown(Level.Trial)
        public void stop() throws Exception {
            try {
                Path out = Path.of(System.getProperty("bench.out", "."));
                Files.writeString(out.resolve("sessions-" + variant + "-" + reads + ".json"), totals.report(variant, reads));
            } finally {
                try {
                    server.close();
                } finally {
                    redis.close();
                }
            }
        }

        private Snapshot snapshot() {
            String[] served = send(HttpRequest.newBuilder(stats).build()).body().trim().split(" ");
            String info = redis.command("INFO", "all");
            return new Snapshot(System.nanoTime(), Long.parseLong(served[0]), Long.parseLong(served[1]),
                    roundTrips(info, variant.equals("redis_cdi")), infoSeconds(info, "used_cpu_user") + infoSeconds(info, "used_cpu_sys"));
        }

        HttpResponse<String> send(HttpRequest request) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** One user: its session cookie, and its count of requests, every tenth of which writes. */
    @State(Scope.Thread)
    public static class User {
        private static final Pattern COOKIE = Pattern.compile("^([^=;]+=[^;]*)");
        KeepAliveConnection connection;
        String read;
        String write;
        String cookie;
        long requests;

        @Setup(Level.Trial)
        public void logIn(Site site) throws IOException {
            connection = new KeepAliveConnection("127.0.0.1", site.app.getPort());
            boolean profile = site.reads.equals("user_and_profile");
            read = profile ? "/app/?profile" : "/app/";
            write = profile ? "/app/?profile&write" : "/app/?write";
            KeepAliveConnection.Reply first = connection.get(read, null);
            Matcher matcher = COOKIE.matcher(first.setCookie() == null ? "" : first.setCookie());
            if (first.status() != 200 || !matcher.find()) {
                throw new IllegalStateException("no session from the " + site.variant + " server: " + first);
            }
            cookie = matcher.group(1);
        }

        @TearDown(Level.Trial)
        public void leave() throws IOException {
            connection.close();
        }
    }

    @Benchmark
    public String request(Site site, User user) throws IOException {
        KeepAliveConnection.Reply reply = user.connection.get(++user.requests % WRITE_EVERY == 0 ? user.write : user.read, user.cookie);
        if (reply.status() != 200 || reply.setCookie() != null) {
            throw new IllegalStateException(site.variant + ": " + reply + " (a user must keep the session it logged in with)");
        }
        return reply.body();
    }

    /** Commands Redis ran for the session store's scripts: INFO counts them, but they are not round trips. */
    private static final Set<String> INSIDE_SCRIPTS = Set.of("time", "hmget", "hset", "hget", "hgetall", "pexpireat", "persist",
            "exists", "rename", "zrem", "zadd", "hdel", "del", "zrangebyscore");
    private static final Pattern CALLS = Pattern.compile("^cmdstat_([a-z|]+):calls=(\\d+)", Pattern.MULTILINE);

    /** Commands sent by clients (INFO's own aside); the commands of scripts are left out where the server runs scripts. */
    private static long roundTrips(String info, boolean scripts) {
        long trips = 0;
        Matcher matcher = CALLS.matcher(info);
        while (matcher.find()) {
            String command = matcher.group(1);
            if (!command.equals("info") && !(scripts && INSIDE_SCRIPTS.contains(command))) {
                trips += Long.parseLong(matcher.group(2));
            }
        }
        return trips;
    }

    private static double infoSeconds(String info, String field) {
        Matcher matcher = Pattern.compile("^" + field + ":([0-9.]+)", Pattern.MULTILINE).matcher(info);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    record Snapshot(long nanos, long requests, long serverCpuNanos, long redisCommands, double redisCpuSeconds) {
    }

    /** The measurement iterations, each on its own: the report shows their median and spread. */
    static final class Totals {
        private final List<double[]> iterations = new ArrayList<>();

        void add(Snapshot from, Snapshot to) {
            double requests = to.requests() - from.requests();
            iterations.add(new double[] { requests / ((to.nanos() - from.nanos()) / 1e9), (to.serverCpuNanos() - from.serverCpuNanos()) / 1e3 / requests,
                    (to.redisCommands() - from.redisCommands()) / requests, (to.redisCpuSeconds() - from.redisCpuSeconds()) * 1e6 / requests });
        }

        /** {"variant":..,"reads":..,"requests_per_second":[..],"server_cpu_us_per_request":[..],...}, one value per iteration. */
        String report(String variant, String reads) {
            String[] names = { "requests_per_second", "server_cpu_us_per_request", "redis_commands_per_request", "redis_cpu_us_per_request" };
            StringBuilder json = new StringBuilder("{\"variant\": \"").append(variant).append("\", \"reads\": \"").append(reads).append('"');
            for (int metric = 0; metric < names.length; metric++) {
                int m = metric;
                json.append(", \"").append(names[metric]).append("\": [")
                        .append(String.join(", ", iterations.stream().map(values -> String.format(Locale.ROOT, "%.3f", values[m])).toList())).append(']');
            }
            return json.append("}\n").toString();
        }
    }
}
