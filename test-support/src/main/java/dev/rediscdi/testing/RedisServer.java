package dev.rediscdi.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import javax.net.ssl.SSLContext;

/**
 * A real {@code redis-server} process on a free port of 127.0.0.1, in its own temporary directory (conf,
 * log, data; {@code save ""}, {@code appendonly no} unless configured otherwise). Stopped by pid; a JVM
 * shutdown hook kills whatever is left running. Create one with {@link #builder()}.
 */
public final class RedisServer implements AutoCloseable {

    /** Timeout of {@link #command(String...)}. */
    public static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(5);
    private static final String HOST = "127.0.0.1";
    private static final int START_ATTEMPTS = 3;
    private static final Duration RESTART_PORT_WAIT = Duration.ofSeconds(10);

    private final ServerSettings settings;
    private final Path directory;
    private final Path dataDirectory;
    private final Path confFile;
    private final ServerLog log;
    private final TlsMaterial tlsMaterial;
    private volatile int port;
    private volatile RedisProcess process;
    private volatile SSLContext sslContext;
    private boolean closed;

    private RedisServer(ServerSettings settings, Path directory) throws IOException {
        this.settings = settings;
        this.directory = directory;
        this.dataDirectory = Files.createDirectories(directory.resolve("data"));
        this.confFile = directory.resolve("redis.conf");
        this.log = new ServerLog(directory.resolve("redis.log"), directory.resolve("stdout.log"));
        this.tlsMaterial = settings.tls()
                ? TlsMaterial.generate(directory.resolve("tls"), settings.tlsServerHostnames().toArray(String[]::new))
                : null;
    }

    public static Builder builder() {
        return new Builder();
    }

    private static RedisServer start(ServerSettings settings) {
        Path directory;
        try {
            directory = Files.createTempDirectory("redis-server-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory", e);
        }
        ProcessReaper.trackDirectory(directory);
        try {
            RedisServer server = new RedisServer(settings, directory);
            server.startOnFreePort();
            return server;
        } catch (IOException | RuntimeException e) {
            Directories.deleteQuietly(directory);
            ProcessReaper.untrackDirectory(directory);
            if (e instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw (RuntimeException) e;
        }
    }

    private void startOnFreePort() throws IOException {
        RedisProcess.PortBusyException busy = null;
        for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
            try {
                launch(FreePorts.next());
                return;
            } catch (RedisProcess.PortBusyException e) {
                busy = e;
            }
        }
        throw new IllegalStateException("redis-server found its port busy " + START_ATTEMPTS + " times:\n"
                + Objects.requireNonNull(busy).getMessage());
    }

    private void launch(int port) throws IOException, RedisProcess.PortBusyException {
        // a Sentinel rewrites its conf (its id, the replicas and sentinels it found, the current primary):
        // keep that across restart(), or it would come back as a new Sentinel with a stale primary
        if (!settings.sentinel() || process == null || this.port != port) {
            Files.writeString(confFile, RedisConf.render(settings, port, dataDirectory, log.logFile(), tlsMaterial));
        }
        this.port = port;
        this.process = RedisProcess.start(settings.binary().path(), confFile, directory, log, settings.sentinel());
    }

    /** Whether this is a Sentinel ({@code redis-server CONF --sentinel}), as {@link RedisSentinelGroup} starts them. */
    public boolean isSentinel() {
        return settings.sentinel();
    }

    /** {@code 127.0.0.1}. */
    public String host() {
        return HOST;
    }

    /** The port the server listens on (its {@code tls-port} with TLS); kept across {@link #restart()}. */
    public int port() {
        return port;
    }

    /** The pid of the current (or last) redis-server process. */
    public long pid() {
        return process.pid();
    }

    public boolean isRunning() {
        RedisProcess current = process;
        return current != null && current.isAlive();
    }

    public boolean isTls() {
        return settings.tls();
    }

    public RedisBinary binary() {
        return settings.binary();
    }

    /** The server's temporary directory (conf, logs, {@code data/}, {@code tls/}); deleted by {@link #close()}. */
    public Path directory() {
        return directory;
    }

    /** {@code redis://127.0.0.1:PORT}, or with TLS {@code rediss://localhost:PORT}; no credentials. */
    public String uri() {
        return (isTls() ? "rediss://localhost:" : "redis://" + HOST + ":") + port;
    }

    /** {@link #uri()} with URL-encoded user info: {@code user:password@}, or {@code :password@} if user is null. */
    public String uri(String user, String password) {
        String base = uri();
        int hostStart = base.indexOf("//") + 2;
        String userInfo = (user == null ? "" : encode(user)) + (password == null ? "" : ":" + encode(password));
        return base.substring(0, hostStart) + userInfo + "@" + base.substring(hostStart);
    }

    /** The generated certificates and stores; throws unless the server was built with {@code tls()}. */
    public TlsMaterial tlsMaterial() {
        if (tlsMaterial == null) {
            throw new IllegalStateException("this redis-server was not started with tls()");
        }
        return tlsMaterial;
    }

    /**
     * Runs one command on a fresh connection (TLS with the generated CA, and the client certificate when
     * client authentication is on), after {@code AUTH} with the password (if any), or as the first ACL user when the default user is disabled.
     * Returns the reply rendered as text: strings as is, integers in decimal, arrays joined by '\n', nil as
     * {@code null}. Throws {@link RedisCommandException} on an error reply, {@link UncheckedIOException} on
     * I/O failure or after {@link #COMMAND_TIMEOUT} (5 s).
     */
    public String command(String... command) {
        return send(settings.credentials(), COMMAND_TIMEOUT, command);
    }

    /** {@link #command(String...)} with another timeout. */
    public String command(Duration timeout, String... command) {
        return send(settings.credentials(), timeout, command);
    }

    /** {@link #command(String...)} authenticating as given: no {@code AUTH} at all if password is null. */
    public String commandAs(String user, String password, String... command) {
        return send(new Credentials(user, password), COMMAND_TIMEOUT, command);
    }

    private String send(Credentials credentials, Duration timeout, String... command) {
        if (command.length == 0) {
            throw new IllegalArgumentException("no command");
        }
        try {
            return RespClient.render(new RespClient(HOST, port, clientSslContext(), timeout).call(credentials, command));
        } catch (IOException e) {
            throw new UncheckedIOException(command[0] + " to " + uri() + " failed: " + e, e);
        }
    }

    private SSLContext clientSslContext() {
        if (tlsMaterial != null && sslContext == null) {
            sslContext = tlsMaterial.sslContext(settings.tlsClientAuth());
        }
        return sslContext;
    }

    /** The last ~100 lines of the server log (and of its stdout/stderr), for failure messages. */
    public String logTail() {
        return log.tail();
    }

    /** SIGTERM by pid, SIGKILL after 5 s; returns once the process is gone. Idempotent. */
    public synchronized void stop() {
        RedisProcess current = process;
        if (current != null) {
            current.stop();
        }
    }

    /** SIGKILL by pid (a crash); returns once the process is gone. */
    public synchronized void kill() {
        RedisProcess current = process;
        if (current != null) {
            current.kill();
        }
    }

    /**
     * Stops the server if it runs and starts it again with the same port, configuration and data directory;
     * returns once it accepts connections (retrying for up to 10 s while the port is still busy).
     */
    public synchronized void restart() {
        if (closed) {
            throw new IllegalStateException("this redis-server was closed");
        }
        stop();
        long deadline = System.nanoTime() + RESTART_PORT_WAIT.toNanos();
        while (true) {
            try {
                launch(port);
                sslContext = null;
                return;
            } catch (RedisProcess.PortBusyException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("port " + port + " still busy after "
                            + RESTART_PORT_WAIT.toSeconds() + " s:\n" + e.getMessage());
                }
                pause();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** SIGSTOP: the server keeps its connections but answers nothing until {@link #unfreeze()}. */
    public synchronized void freeze() {
        process.freeze();
    }

    /** SIGCONT after {@link #freeze()}. */
    public synchronized void unfreeze() {
        process.unfreeze();
    }

    /**
     * Leaves the stop at JVM exit to the caller's own shutdown hook, which must then {@link #close()} it: the harness
     * no longer kills the server as soon as the JVM begins to exit (the dev Redis stops it only once the application
     * closed its connections). Until the next {@link #restart()}.
     */
    public synchronized void stoppedByOwnHookAtExit() {
        RedisProcess current = process;
        if (current != null) {
            current.leaveToOwnersHook();
        }
    }

    /** {@link #stop()}, then deletes the temporary directory; the server cannot be restarted afterwards. */
    @Override
    public synchronized void close() {
        stop();
        if (!closed) {
            closed = true;
            Directories.deleteQuietly(directory);
            ProcessReaper.untrackDirectory(directory);
        }
    }

    @Override
    public String toString() {
        return (isSentinel() ? "RedisSentinel[" : "RedisServer[") + uri() + ", pid " + (process == null ? "-" : process.pid()) + ", " + binary() + "]";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Collects the settings of a {@link RedisServer}; reusable: every {@link #start()} starts a new server.
     * Defaults: no password, default user on, plain TCP, no extra configuration.
     */
    public static final class Builder {

        private RedisBinary binary;
        private String password;
        private final List<ServerSettings.AclUser> aclUsers = new ArrayList<>();
        private boolean defaultUserDisabled;
        private boolean tls;
        private boolean tlsClientAuth;
        private List<String> tlsServerHostnames = TlsMaterial.DEFAULT_SERVER_HOSTNAMES;
        private boolean debugCommand;
        private final List<ServerSettings.ConfigLine> extraConfig = new ArrayList<>();
        private boolean sentinel;

        private Builder() {
        }

        /**
         * Runs {@code redis-server CONF --sentinel}: the conf then needs {@code sentinel monitor ...} lines
         * (added with {@link #config(String, String)}); ready once it logs {@value RedisProcess#SENTINEL_READY}.
         * Package-private: {@link RedisSentinelGroup} is the public way to start Sentinels.
         */
        Builder sentinel() {
            this.sentinel = true;
            return this;
        }

        /** The binary to run; default {@link RedisBinary#locate()}. */
        public Builder binary(RedisBinary binary) {
            this.binary = Objects.requireNonNull(binary);
            return this;
        }

        /** {@code requirepass}: the password of the default user. */
        public Builder password(String password) {
            this.password = Objects.requireNonNull(password);
            return this;
        }

        /** Adds {@code user NAME on >PASSWORD RULES}, e.g. {@code aclUser("app", "pw", "~* &* +@all")}. */
        public Builder aclUser(String name, String password, String rules) {
            aclUsers.add(new ServerSettings.AclUser(Objects.requireNonNull(name), Objects.requireNonNull(password),
                    Objects.requireNonNull(rules)));
            return this;
        }

        /** {@code user default off}: only the ACL users can authenticate. */
        public Builder disableDefaultUser() {
            this.defaultUserDisabled = true;
            return this;
        }

        /** TLS only: {@code port 0}, {@code tls-port} on the free port, certificates generated at start. */
        public Builder tls() {
            this.tls = true;
            return this;
        }

        /** {@code tls-auth-clients yes|no} (default no); implies {@link #tls()}. */
        public Builder tlsClientAuth(boolean required) {
            this.tlsClientAuth = required;
            return tls();
        }

        /** SANs of the server certificate (default {@code localhost}, {@code 127.0.0.1}); implies {@link #tls()}. */
        public Builder tlsServerHostnames(String... hostnames) {
            if (hostnames.length == 0) {
                throw new IllegalArgumentException("no host name");
            }
            this.tlsServerHostnames = List.of(hostnames);
            return tls();
        }

        /** {@code enable-debug-command local} on Redis 7+ (6.x allows DEBUG anyway). */
        public Builder enableDebugCommand() {
            this.debugCommand = true;
            return this;
        }

        /**
         * Adds the line {@code NAME VALUE} (VALUE verbatim, so it may hold several arguments; empty becomes
         * {@code ""}). Replaces the harness default of {@code bind}, {@code protected-mode}, {@code save},
         * {@code appendonly}; the port, TLS file, {@code dir}, {@code logfile} and {@code daemonize} lines are
         * the harness' own.
         */
        public Builder config(String name, String value) {
            String key = Objects.requireNonNull(name).trim().toLowerCase(Locale.ROOT);
            if (RedisConf.MANAGED.contains(key)) {
                throw new IllegalArgumentException(name + " is set by the harness");
            }
            extraConfig.add(new ServerSettings.ConfigLine(name.trim(), Objects.requireNonNull(value)));
            return this;
        }

        /** Starts a server with these settings; returns once it accepts connections. */
        public RedisServer start() {
            RedisBinary resolved = binary != null ? binary : RedisBinary.locate();
            if (tls && !resolved.supportsTls()) {
                throw new IllegalStateException(resolved + " cannot serve TLS; call RedisBinary.assumeTls() "
                        + "first to skip such tests, or install a TLS-capable redis-server (apt-get install redis-server)");
            }
            return RedisServer.start(new ServerSettings(resolved, password, List.copyOf(aclUsers), defaultUserDisabled,
                    tls, tlsClientAuth, tlsServerHostnames, debugCommand, List.copyOf(extraConfig), sentinel));
        }
    }
}
