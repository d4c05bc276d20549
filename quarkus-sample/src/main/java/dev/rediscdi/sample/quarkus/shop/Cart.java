package dev.rediscdi.sample.quarkus.shop;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpSession;

/**
 * The cart of a session: quantities by product id, kept as a {@link LinkedHashMap} (a JDK type the session store's
 * serialization allow-list accepts without configuration).
 */
final class Cart {

    static final String USER = "user";
    static final String ITEMS = "cart";

    private Cart() {
    }

    static Map<String, Integer> items(HttpSession session) {
        @SuppressWarnings("unchecked")
        Map<String, Integer> items = session == null ? null : (Map<String, Integer>) session.getAttribute(ITEMS);
        return items == null ? Map.of() : items;
    }

    static void add(HttpSession session, String productId, int quantity) {
        LinkedHashMap<String, Integer> items = new LinkedHashMap<>(items(session));
        items.merge(productId, quantity, Integer::sum);
        session.setAttribute(ITEMS, items);
    }

    static String user(HttpSession session) {
        return session == null ? null : (String) session.getAttribute(USER);
    }
}
