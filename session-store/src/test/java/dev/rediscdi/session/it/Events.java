package dev.rediscdi.session.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.servlet.http.HttpSessionAttributeListener;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;

/** Records every session event an instance's listener receives, as "kind:detail". */
public final class Events implements HttpSessionListener, HttpSessionAttributeListener, HttpSessionIdListener {
    public final List<String> seen = new CopyOnWriteArrayList<>();

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        seen.add("created:" + event.getSession().getId());
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        seen.add("destroyed:" + event.getSession().getId() + ":" + event.getSession().getAttribute("user"));
    }

    @Override
    public void sessionIdChanged(HttpSessionEvent event, String oldSessionId) {
        seen.add("id:" + oldSessionId + "->" + event.getSession().getId());
    }

    @Override
    public void attributeAdded(HttpSessionBindingEvent event) {
        seen.add("added:" + event.getName());
    }

    @Override
    public void attributeReplaced(HttpSessionBindingEvent event) {
        seen.add("replaced:" + event.getName() + ":" + event.getValue());
    }

    @Override
    public void attributeRemoved(HttpSessionBindingEvent event) {
        seen.add("removed:" + event.getName());
    }

    public boolean contains(String prefix) {
        return seen.stream().anyMatch(event -> event.startsWith(prefix));
    }
}
