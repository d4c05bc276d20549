package dev.rediscdi.bench.sessions;

import java.util.Locale;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * One embedded Jetty 12.1 (ee10) serving {@link ShopServlet} with the sessions of one {@link Variant}, on a free
 * loopback port: {@code java -cp benchmarks.jar dev.rediscdi.bench.sessions.SessionServer VARIANT REDIS_PORT}.
 * Prints {@code READY <port>} once it serves, and stops when its standard input closes.
 */
public final class SessionServer {
    private SessionServer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: SessionServer memory|redis_cdi|spring|spring_indexed REDIS_PORT");
            System.exit(2);
        }
        Variant variant = Variant.valueOf(args[0].toUpperCase(Locale.ROOT));
        int redisPort = Integer.parseInt(args[1]);

        QueuedThreadPool threads = new QueuedThreadPool(200);
        threads.setName("jetty");
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/", variant.jettySessions());
        AutoCloseable sessions = switch (variant) {
            case MEMORY -> () -> { };
            case REDIS_CDI -> new RedisCdiSessions(context, redisPort)::close;
            case SPRING -> new SpringSessions(context, redisPort, false)::close;
            case SPRING_INDEXED -> new SpringSessions(context, redisPort, true)::close;
        };
        context.addServlet(ShopServlet.class, "/app/*");
        context.addServlet(StatsServlet.class, "/stats");
        server.setHandler(context);
        server.start();
        System.out.println("READY " + connector.getLocalPort());
        System.out.flush();
        // the benchmark keeps our standard input open while it needs us
        while (System.in.read() >= 0) {
            // nothing to read: the benchmark only ever closes it
        }
        server.stop();
        sessions.close();
        System.exit(0); // threads a store leaves behind must not keep the benchmark waiting
    }
}
