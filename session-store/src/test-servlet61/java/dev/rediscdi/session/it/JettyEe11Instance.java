package dev.rediscdi.session.it;

import java.util.Map;

import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;

/** An instance on Jetty 12's Servlet 6.1 environment (ee11): the test application, its session store and Weld Servlet. */
final class JettyEe11Instance extends WebInstance {
    private Server server;

    private JettyEe11Instance(Map<String, String> properties) {
        super(properties);
    }

    static WebInstance start(Map<String, String> properties) {
        return new JettyEe11Instance(properties).start();
    }

    @Override
    protected int boot() throws Exception {
        server = new Server();
        ServletContextHandler context = new ServletContextHandler("/");
        context.setClassLoader(applicationClassLoader());
        context.addServletContainerInitializer(environment());
        context.addServletContainerInitializer(storeInitializer());
        context.addEventListener(weldServlet());
        context.addServlet(AppServlet.class, "/app/*");
        return serve(server, context);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
