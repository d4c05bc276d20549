package dev.rediscdi.bench.sessions;

import java.io.IOException;
import java.lang.management.ManagementFactory;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code GET /stats}: requests served by the application and the server process' CPU time so far, "requests cpuNanos". */
public class StatsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        response.setContentType("text/plain");
        response.getWriter().write(ShopServlet.REQUESTS.sum() + " " + cpu);
    }
}
