package dev.rediscdi.session.it;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Asynchronous actions: the dispatching thread returns at once, the work sets a session attribute on another thread
 * a little later and completes. {@code /async/set?name=&value=}: the session exists already or is created by the
 * dispatching thread; {@code /async/create?name=&value=}: the asynchronous work creates it.
 */
public class AsyncServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        String action = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        String name = request.getParameter("name");
        String value = request.getParameter("value");
        boolean createLater = action.equals("create");
        if (!createLater) {
            request.getSession(); // on the dispatching thread
        }
        AsyncContext async = request.startAsync();
        async.start(() -> {
            try {
                Thread.sleep(100); // the dispatching thread has long returned
                HttpServletRequest asyncRequest = (HttpServletRequest) async.getRequest();
                asyncRequest.getSession().setAttribute(name, value);
                async.getResponse().setContentType("text/plain;charset=UTF-8");
                async.getResponse().getWriter().write("ok");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                async.complete();
            }
        });
    }
}
