package dev.rediscdi.session.internal;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * The storage Weld's bound session context writes to. Bean instances ({@code WELD_BS#...}) go to the request's
 * Redis session, created on first write only; Weld's bookkeeping (its lock store, its index hash) stays in
 * this request, since it is per JVM and not serializable.
 */
final class SessionAttributeMap extends AbstractMap<String, Object> {
    private static final String BEAN_PREFIX = "WELD_BS#";

    /** The session, created if asked ({@code true}) and needed; {@code null} if there is none. */
    private final Function<Boolean, HttpSession> sessions;
    private final Map<String, Object> local = new HashMap<>();

    SessionAttributeMap(HttpServletRequest request) {
        this.sessions = request::getSession;
    }

    /** Over a session that exists without a request (one that expired). */
    SessionAttributeMap(HttpSession session) {
        this.sessions = create -> session;
    }

    @Override
    public Object get(Object key) {
        if (!(key instanceof String name) || !name.startsWith(BEAN_PREFIX)) {
            return local.get(key);
        }
        HttpSession session = sessions.apply(false);
        return session == null ? null : session.getAttribute(name);
    }

    @Override
    public Object put(String key, Object value) {
        if (!key.startsWith(BEAN_PREFIX)) {
            return local.put(key, value);
        }
        HttpSession session = sessions.apply(true);
        session.setAttribute(key, value);
        return null;
    }

    @Override
    public Object remove(Object key) {
        if (!(key instanceof String name) || !name.startsWith(BEAN_PREFIX)) {
            return local.remove(key);
        }
        HttpSession session = sessions.apply(false);
        if (session != null) {
            session.removeAttribute(name);
        }
        return null;
    }

    @Override
    public Set<String> keySet() {
        Set<String> names = new HashSet<>(local.keySet());
        HttpSession session = sessions.apply(false);
        if (session != null) {
            for (String name : Collections.list(session.getAttributeNames())) {
                if (name.startsWith(BEAN_PREFIX)) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        Map<String, Object> snapshot = new HashMap<>();
        for (String name : keySet()) {
            snapshot.put(name, get(name));
        }
        return snapshot.entrySet();
    }
}
