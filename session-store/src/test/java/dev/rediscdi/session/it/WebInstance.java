package dev.rediscdi.session.it;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.scan.StandardJarScanner;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.jboss.weld.environment.servlet.Container;
import org.jboss.weld.environment.servlet.Listener;
import org.jboss.weld.environment.servlet.WeldServletLifecycle;

import dev.rediscdi.session.RedisSessions;
import io.undertow.Undertow;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.DeploymentManager;
import io.undertow.servlet.api.ServletContainerInitializerInfo;
import io.undertow.servlet.util.ImmediateInstanceFactory;

/**
 * One instance of the test application behind a load balancer: embedded Jetty 12 (ee10), Tomcat 11 or Undertow 2.3, on a free
 * loopback port, with Weld Servlet over the shared CDI container, the session store found through its
 * {@code META-INF/services} registration, and its own {@code redis-session.*} configuration.
 */
public abstract class WebInstance implements AutoCloseable {
    public final Events events = new Events();
    protected final Map<String, String> properties;
    private int port;

    protected WebInstance(Map<String, String> properties) {
        this.properties = properties;
    }

    /** Properties every test instance needs, plus the given keys and values. */
    public static Map<String, String> settings(String... keysAndValues) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("redis-session.cookie.secure", "false"); // the tests speak plain HTTP
        properties.put("redis-session.serialization.allow", "dev.rediscdi.session.it.**,org.jboss.weld.**");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }

    public static WebInstance jetty(Map<String, String> properties) {
        return new JettyInstance(properties).start();
    }

    public static WebInstance tomcat(Map<String, String> properties) {
        return new TomcatInstance(properties, false).start();
    }

    /**
     * Tomcat sending a redirect, with a body, at once ({@code sendRedirectBody}); by default it holds the redirect
     * until the application returns.
     */
    public static WebInstance tomcatSendingRedirectBodies(Map<String, String> properties) {
        return new TomcatInstance(properties, true).start();
    }

    public static WebInstance undertow(Map<String, String> properties) {
        return new UndertowInstance(properties).start();
    }

    /** An instance on the named container: {@code jetty}, {@code tomcat} or {@code undertow}. */
    public static WebInstance on(String container, Map<String, String> properties) {
        return switch (container) {
            case "jetty" -> jetty(properties);
            case "tomcat" -> tomcat(properties);
            case "undertow" -> undertow(properties);
            default -> throw new IllegalArgumentException("no container named " + container + ": use jetty, tomcat or undertow");
        };
    }

    public URI uri(String action) {
        return URI.create("http://127.0.0.1:" + port + "/app/" + action);
    }

    /** An action of {@link AsyncServlet}. */
    public URI asyncUri(String action) {
        return URI.create("http://127.0.0.1:" + port + "/async/" + action);
    }

    protected abstract int boot() throws Exception;

    protected WebInstance start() {
        try {
            port = boot();
        } catch (Exception e) {
            throw new IllegalStateException("could not start " + getClass().getSimpleName(), e);
        }
        return this;
    }

    /** The store's initializer, found as a container finds it. */
    static ServletContainerInitializer storeInitializer() {
        for (ServletContainerInitializer initializer : ServiceLoader.load(ServletContainerInitializer.class)) {
            if (initializer.getClass().getName().startsWith("dev.rediscdi.session")) {
                return initializer;
            }
        }
        throw new IllegalStateException("META-INF/services/jakarta.servlet.ServletContainerInitializer does not name the session store");
    }

    /** Runs first: gives the application's class loader its configuration, and registers the test's session listener. */
    ServletContainerInitializer environment() {
        return (classes, context) -> {
            Map<String, String> all = new LinkedHashMap<>(TestEnvironment.get().clients);
            all.putAll(properties);
            TestEnvironment.register(all, context.getClassLoader());
            context.setInitParameter(Container.CONTEXT_PARAM_CONTAINER_CLASS, NoInjectionContainer.class.getName());
            context.addListener(new ServletContextListener() {
                @Override
                public void contextInitialized(ServletContextEvent event) {
                    RedisSessions.addListener(event.getServletContext(), events);
                }
            });
        };
    }

    /** Weld Servlet over the shared CDI container, as a server's CDI integration. */
    static Listener weldServlet() {
        return Listener.using(TestEnvironment.get().weld.getBeanManager());
    }

    /** An application class loader of its own, as in a server, so that its configuration is its own. */
    static ClassLoader applicationClassLoader() {
        return new URLClassLoader(new URL[0], WebInstance.class.getClassLoader());
    }

    /** Starts Jetty with the handler on a free loopback port; returns the port. */
    static int serve(Server server, Handler handler) throws Exception {
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(handler);
        server.start();
        return connector.getLocalPort();
    }

    static final class JettyInstance extends WebInstance {
        private Server server;

        JettyInstance(Map<String, String> properties) {
            super(properties);
        }

        @Override
        protected int boot() throws Exception {
            server = new Server();
            ServletContextHandler context = new ServletContextHandler("/", ServletContextHandler.SESSIONS);
            context.setClassLoader(applicationClassLoader());
            context.addServletContainerInitializer(environment());
            context.addServletContainerInitializer(storeInitializer(), AnnotatedListener.class);
            context.addEventListener(weldServlet());
            context.addServlet(AppServlet.class, "/app/*");
            context.addServlet(AsyncServlet.class, "/async/*").setAsyncSupported(true);
            return serve(server, context);
        }

        @Override
        public void close() throws Exception {
            server.stop();
        }
    }

    static final class TomcatInstance extends WebInstance {
        private final boolean sendRedirectBody;
        private Tomcat tomcat;
        private Path base;

        TomcatInstance(Map<String, String> properties, boolean sendRedirectBody) {
            super(properties);
            this.sendRedirectBody = sendRedirectBody;
        }

        @Override
        protected int boot() throws Exception {
            base = Files.createTempDirectory("tomcat");
            tomcat = new Tomcat();
            tomcat.setBaseDir(base.toString());
            Connector connector = new Connector();
            connector.setPort(0);
            connector.setProperty("address", "127.0.0.1");
            tomcat.setConnector(connector);
            Path docBase = Files.createDirectories(base.resolve("webapp"));
            // a real web application: Tomcat finds the store's initializer through META-INF/services itself
            Context context = tomcat.addWebapp("", docBase.toString());
            ((StandardJarScanner) context.getJarScanner()).setScanClassPath(false);
            context.setSendRedirectBody(sendRedirectBody);
            context.addServletContainerInitializer(environment(), Set.of());
            // Tomcat also runs Weld Servlet's own initializer (META-INF/services): point it at the shared container
            context.addServletContainerInitializer((classes, servletContext) -> servletContext.setAttribute(
                    WeldServletLifecycle.BEAN_MANAGER_ATTRIBUTE_NAME, TestEnvironment.get().weld.getBeanManager()), Set.of());
            Tomcat.addServlet(context, "app", new AppServlet());
            context.addServletMappingDecoded("/app/*", "app");
            Tomcat.addServlet(context, "async", new AsyncServlet()).setAsyncSupported(true);
            context.addServletMappingDecoded("/async/*", "async");
            tomcat.start();
            return connector.getLocalPort();
        }

        @Override
        public void close() throws Exception {
            tomcat.stop();
            tomcat.destroy();
        }
    }

    static final class UndertowInstance extends WebInstance {
        private Undertow server;
        private DeploymentManager manager;

        UndertowInstance(Map<String, String> properties) {
            super(properties);
        }

        @Override
        protected int boot() throws Exception {
            ServletContainerInitializer store = storeInitializer();
            ServletContainerInitializer environment = environment();
            DeploymentInfo deployment = Servlets.deployment()
                    .setClassLoader(applicationClassLoader())
                    .setContextPath("/")
                    .setDeploymentName("app")
                    .addServletContainerInitializer(new ServletContainerInitializerInfo(environment.getClass(),
                            new ImmediateInstanceFactory<>(environment), Set.of()))
                    .addServletContainerInitializer(new ServletContainerInitializerInfo(store.getClass(),
                            new ImmediateInstanceFactory<>(store), Set.of(AnnotatedListener.class)))
                    .addListener(Servlets.listener(Listener.class, new ImmediateInstanceFactory<>(weldServlet())))
                    .addServlets(Servlets.servlet("app", AppServlet.class).addMapping("/app/*"),
                            Servlets.servlet("async", AsyncServlet.class).addMapping("/async/*").setAsyncSupported(true));
            manager = Servlets.newContainer().addDeployment(deployment);
            manager.deploy();
            server = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(manager.start()).build();
            server.start();
            return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
        }

        @Override
        public void close() throws Exception {
            server.stop();
            manager.stop();
            manager.undeploy();
        }
    }
}
