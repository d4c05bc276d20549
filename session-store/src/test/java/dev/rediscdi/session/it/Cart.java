package dev.rediscdi.session.it;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.SessionScoped;

/** A {@code @SessionScoped} bean: it must live in the Redis session. */
@SessionScoped
public class Cart implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The items of every cart destroyed ({@code @PreDestroy}), in this JVM. */
    public static final List<String> DESTROYED = new CopyOnWriteArrayList<>();
    private final List<String> items = new ArrayList<>();

    public List<String> add(String item) {
        items.add(item);
        return List.copyOf(items);
    }

    public List<String> items() {
        return List.copyOf(items);
    }

    @PreDestroy
    void destroyed() {
        DESTROYED.addAll(items);
    }
}
