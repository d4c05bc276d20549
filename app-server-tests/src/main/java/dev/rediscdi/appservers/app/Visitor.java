package dev.rediscdi.appservers.app;

import java.io.Serializable;

import jakarta.enterprise.context.SessionScoped;

/**
 * A {@code @SessionScoped} bean: with the session store in the WAR it lives in the Redis session, so every
 * instance of the application sees it and it outlives a server restart.
 */
@SessionScoped
public class Visitor implements Serializable {
    private static final long serialVersionUID = 1L;

    private String name;
    private int visits;

    /** Remembers the visitor's name; returns how many requests of this session have used the bean. */
    public int introduce(String newName) {
        name = newName;
        return ++visits;
    }

    /** The name given last, or null. */
    public String name() {
        visits++;
        return name;
    }

    public int visits() {
        return visits;
    }
}
