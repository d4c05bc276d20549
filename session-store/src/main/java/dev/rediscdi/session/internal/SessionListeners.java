package dev.rediscdi.session.internal;

import java.util.EventListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionAttributeListener;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;

/** The application's session listeners, called for the Redis sessions in registration order (destruction in reverse). */
public final class SessionListeners {
    private final List<EventListener> listeners = new CopyOnWriteArrayList<>();

    /** Adds a listener of one or more session listener types. */
    public void add(EventListener listener) {
        if (!(listener instanceof HttpSessionListener) && !(listener instanceof HttpSessionAttributeListener)
                && !(listener instanceof HttpSessionIdListener)) {
            throw new IllegalArgumentException((listener == null ? "null" : listener.getClass().getName())
                    + " is not a session listener: pass an HttpSessionListener, HttpSessionAttributeListener or HttpSessionIdListener");
        }
        listeners.add(listener);
    }

    void created(HttpSession session) {
        HttpSessionEvent event = new HttpSessionEvent(session);
        for (EventListener listener : listeners) {
            if (listener instanceof HttpSessionListener sessionListener) {
                sessionListener.sessionCreated(event);
            }
        }
    }

    void destroyed(HttpSession session) {
        HttpSessionEvent event = new HttpSessionEvent(session);
        for (int i = listeners.size() - 1; i >= 0; i--) {
            if (listeners.get(i) instanceof HttpSessionListener sessionListener) {
                sessionListener.sessionDestroyed(event);
            }
        }
    }

    void idChanged(HttpSession session, String oldId) {
        HttpSessionEvent event = new HttpSessionEvent(session);
        for (EventListener listener : listeners) {
            if (listener instanceof HttpSessionIdListener idListener) {
                idListener.sessionIdChanged(event, oldId);
            }
        }
    }

    void added(HttpSession session, String name, Object value) {
        HttpSessionBindingEvent event = new HttpSessionBindingEvent(session, name, value);
        for (EventListener listener : listeners) {
            if (listener instanceof HttpSessionAttributeListener attributeListener) {
                attributeListener.attributeAdded(event);
            }
        }
    }

    void replaced(HttpSession session, String name, Object oldValue) {
        HttpSessionBindingEvent event = new HttpSessionBindingEvent(session, name, oldValue);
        for (EventListener listener : listeners) {
            if (listener instanceof HttpSessionAttributeListener attributeListener) {
                attributeListener.attributeReplaced(event);
            }
        }
    }

    void removed(HttpSession session, String name, Object value) {
        HttpSessionBindingEvent event = new HttpSessionBindingEvent(session, name, value);
        for (EventListener listener : listeners) {
            if (listener instanceof HttpSessionAttributeListener attributeListener) {
                attributeListener.attributeRemoved(event);
            }
        }
    }
}
