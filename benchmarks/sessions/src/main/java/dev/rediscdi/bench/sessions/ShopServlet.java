package dev.rediscdi.bench.sessions;

import java.io.IOException;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * The application every server runs, whatever stores its sessions: {@code GET /app/} reads the user's name from
 * the session (created with a user name, a small profile and a view counter on the first request); with
 * {@code profile} it also reads the profile, a mutable object; with {@code write} it also changes one attribute, as
 * a shop that counts page views in the session every tenth page would.
 */
public class ShopServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final LongAdder REQUESTS = new LongAdder();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession();
        Object user = session.getAttribute("user");
        if (user == null) {
            user = "user-" + session.getId().hashCode();
            session.setAttribute("user", user);
            session.setAttribute("profile", Profile.sample());
            session.setAttribute("views", 0);
        }
        Profile profile = request.getParameter("profile") != null ? (Profile) session.getAttribute("profile") : null;
        if (request.getParameter("write") != null) {
            Integer views = (Integer) session.getAttribute("views");
            session.setAttribute("views", views == null ? 1 : views + 1);
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write("hello " + user + (profile == null ? "" : " (" + profile.settings().size() + " settings)") + "\n");
        REQUESTS.increment();
    }

    /** A small serializable value, as sessions hold them (about 300 bytes serialized). */
    public record Profile(String locale, Map<String, String> settings) implements Serializable {
        static Profile sample() {
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("theme", "dark");
            settings.put("currency", "EUR");
            settings.put("newsletter", "weekly");
            return new Profile("en-GB", settings);
        }
    }
}
