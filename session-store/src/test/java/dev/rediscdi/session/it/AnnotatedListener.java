package dev.rediscdi.session.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/** A {@code @WebListener}: the container hands it to the store's initializer, which calls it for Redis sessions. */
@WebListener
public class AnnotatedListener implements HttpSessionListener {
    public static final List<String> CREATED = new CopyOnWriteArrayList<>();

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        CREATED.add(event.getSession().getId());
    }
}
