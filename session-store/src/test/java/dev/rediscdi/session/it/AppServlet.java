package dev.rediscdi.session.it;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionBindingListener;

import dev.rediscdi.session.hostile.Outside;

/** The application under test: one action per path, answering in plain text. */
public class AppServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String action = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        String name = request.getParameter("name");
        String value = request.getParameter("value");
        String gate = request.getParameter("gate");
        String answer;
        switch (action) {
            case "login" -> {
                HttpSession session = request.getSession();
                session.setAttribute("user", value);
                if (request.getParameter("redirect") != null) {
                    response.sendRedirect(request.getContextPath() + "/app/whoami");
                    return;
                }
                answer = "welcome " + value;
            }
            case "redirect" -> { // to the location given, the way named; what the response holds before is its body if the way keeps it
                request.getSession().setAttribute(name, value);
                response.getOutputStream().write("kept".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                RedirectCall.valueOf(request.getParameter("call")).send(response, request.getParameter("to"));
                if (gate != null) {
                    Gates.pass(gate); // the response has left (if the container sends it at once); the application still runs
                }
                return;
            }
            case "whoami" -> {
                HttpSession session = request.getSession(false);
                answer = session == null ? "anonymous" : String.valueOf(session.getAttribute("user"));
            }
            case "new" -> answer = request.getSession().getId().length() + "";
            case "noop" -> answer = "nothing";
            case "set" -> {
                request.getSession().setAttribute(name, value);
                answer = "ok";
            }
            case "get" -> {
                HttpSession session = request.getSession(false);
                answer = session == null ? "no session" : String.valueOf(session.getAttribute(name));
            }
            case "names" -> {
                HttpSession session = request.getSession(false);
                answer = session == null ? "no session" : String.join(",", new TreeMap<>(attributes(session)).keySet());
            }
            case "rotate" -> answer = request.changeSessionId();
            case "login-rotated" -> {
                request.getSession().setAttribute("user", value);
                answer = request.changeSessionId();
            }
            case "invalidate" -> {
                request.getSession().invalidate();
                answer = "bye";
            }
            case "relogin" -> {
                request.getSession().invalidate();
                request.getSession().setAttribute("user", value);
                answer = "welcome back " + value;
            }
            case "max-inactive" -> {
                request.getSession().setMaxInactiveInterval(Integer.parseInt(value));
                answer = "ok";
            }
            case "cart-add" -> {
                @SuppressWarnings("unchecked")
                List<String> cart = (List<String>) request.getSession().getAttribute("cart");
                if (cart == null) {
                    request.getSession().setAttribute("cart", new ArrayList<>(List.of(value)));
                } else {
                    cart.add(value); // in place, no setAttribute
                }
                answer = "ok";
            }
            case "tag" -> {
                @SuppressWarnings("unchecked")
                Set<String> tags = (Set<String>) request.getSession().getAttribute(name);
                if (tags == null) {
                    request.getSession().setAttribute(name, new HashSet<>(List.of(value)));
                } else {
                    tags.add(value); // in place, no setAttribute
                }
                answer = "ok";
            }
            case "set-unreadable" -> {
                // a value the store could never read back: one holding a class outside the allow-list, a graph deeper or with
                // more objects than the reading limits, or a large one
                Object unreadable = switch (value) {
                    case "outside" -> new ArrayList<>(List.of("fine", new Outside()));
                    case "deep" -> nested(Integer.parseInt(request.getParameter("levels")));
                    case "many" -> numbers(Integer.parseInt(request.getParameter("count")));
                    default -> "x".repeat(Integer.parseInt(value));
                };
                try {
                    request.getSession().setAttribute(name, unreadable);
                    answer = "stored";
                } catch (IllegalArgumentException refused) {
                    answer = "refused: " + refused.getMessage();
                }
            }
            case "cart-add-unreadable" -> {
                request.getSession().setAttribute("note", value);
                @SuppressWarnings("unchecked")
                List<Object> cart = (List<Object>) request.getSession().getAttribute("cart");
                // in place, no setAttribute: refused when the store writes the session
                String count = request.getParameter("count");
                if (count == null) {
                    cart.add(new Outside());
                } else {
                    cart.addAll(numbers(Integer.parseInt(count)));
                }
                answer = "ok";
            }
            case "add-after-flush" -> {
                @SuppressWarnings("unchecked")
                List<String> cart = (List<String>) request.getSession().getAttribute(name);
                response.setContentType("text/plain;charset=UTF-8");
                response.getWriter().write("ok");
                response.flushBuffer(); // the response leaves now; the request goes on
                cart.add(value); // in place, no setAttribute
                return;
            }
            case "login-reset" -> {
                request.getSession().setAttribute("user", value);
                response.reset(); // as a servlet does before it writes a download, or an error page of its own
                answer = "welcome " + value;
            }
            case "rotate-then-fail" -> {
                request.changeSessionId();
                throw new IllegalStateException("the application failed after changeSessionId");
            }
            case "login-sized" -> {
                request.getSession().setAttribute("user", value);
                byte[] body = ("welcome " + value).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                response.setContentType("text/plain;charset=UTF-8");
                response.setContentLength(body.length);
                response.getOutputStream().write(body); // the whole body: the response is complete
                if (gate != null) {
                    Gates.pass(gate);
                }
                return;
            }
            case "bound" -> {
                request.getSession().setAttribute(name, new Bound(value));
                answer = "ok";
            }
            case "set-again" -> { // the same object once more, as code that changed it in place does
                request.getSession().setAttribute(name, request.getSession().getAttribute(name));
                answer = "ok";
            }
            case "bean-add" -> answer = String.join(",", CDI.current().select(Cart.class).get().add(value));
            case "bean" -> answer = String.join(",", CDI.current().select(Cart.class).get().items());
            case "info" -> answer = request.getRequestedSessionId() + "|" + request.isRequestedSessionIdValid() + "|"
                    + (request.getSession(false) == null ? "none" : request.getSession(false).isNew());
            default -> {
                response.sendError(404);
                return;
            }
        }
        if (gate != null) {
            Gates.pass(gate);
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(answer);
    }

    private static Map<String, Object> attributes(HttpSession session) {
        Map<String, Object> all = new TreeMap<>();
        for (String attribute : Collections.list(session.getAttributeNames())) {
            all.put(attribute, session.getAttribute(attribute));
        }
        return all;
    }

    /** Records its binding events in a static list, so that tests can see them. */
    public static final class Bound implements HttpSessionBindingListener, Serializable {
        private static final long serialVersionUID = 1L;
        public static final List<String> EVENTS = Collections.synchronizedList(new ArrayList<>());
        private final String label;

        public Bound(String label) {
            this.label = label;
        }

        @Override
        public void valueBound(HttpSessionBindingEvent event) {
            EVENTS.add("bound:" + label);
        }

        @Override
        public void valueUnbound(HttpSessionBindingEvent event) {
            EVENTS.add("unbound:" + label);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Lists in lists, {@code levels} deep, a string at the bottom. */
    private static List<Object> nested(int levels) {
        List<Object> list = new ArrayList<>(List.of("bottom"));
        for (int i = 1; i < levels; i++) {
            list = new ArrayList<>(List.of(list));
        }
        return list;
    }

    /**
     * The numbers from 0 to {@code count - 1}: objects, each of which reading checks against the limits (strings are
     * not checked one by one: a list of many strings reads back under a low max-references).
     */
    private static List<Integer> numbers(int count) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            numbers.add(i);
        }
        return numbers;
    }
}
