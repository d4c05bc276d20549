package dev.rediscdi.session.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionActivationListener;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionBindingListener;
import jakarta.servlet.http.HttpSessionEvent;

/**
 * The session one request sees. Attributes are decoded when first read, so a class that no longer decodes
 * only matters to the request that reads it. Not shared between requests: each loads its own copy, and writes
 * back only what it changed.
 */
final class RedisHttpSession implements HttpSession {
    private static final Logger LOG = Logger.getLogger(RedisHttpSession.class.getName());

    private final SessionStore store;
    /** The attributes this request used (all of them once {@link #complete}); the others are only in {@link #source}. */
    private final Map<String, Attribute> attributes = new LinkedHashMap<>();
    private final List<String> removed = new ArrayList<>();
    /** The session as loaded (shared with other requests, read-only); {@code null} for a session created here. */
    private final StoredSession source;
    /** Whether {@link #attributes} holds every attribute: the stored ones are only taken over when first used. */
    private boolean complete;
    /** Names Redis holds as far as this request knows (removing one must delete its field); built when first needed. */
    private Set<String> storedNames;
    private final long created;
    private final long lastAccessed;
    private final Runnable onInvalidate;
    private String id;
    private String previousId;
    private int maxInactive;
    private boolean isNew;
    private boolean persisted;
    private boolean metadataChanged;
    private boolean valid = true;
    /** Values the last save could not encode, reported to the application once that save wrote the rest. */
    private IllegalArgumentException unsaved;

    private RedisHttpSession(SessionStore store, StoredSession source, String id, long created, long lastAccessed, int maxInactive,
            boolean isNew, Runnable onInvalidate) {
        this.store = store;
        this.source = source;
        this.complete = source == null;
        this.id = id;
        this.created = created;
        this.lastAccessed = lastAccessed;
        this.maxInactive = maxInactive;
        this.isNew = isNew;
        this.persisted = !isNew;
        this.onInvalidate = onInvalidate;
    }

    /** A session created by this request. */
    static RedisHttpSession create(SessionStore store, String id, Runnable onInvalidate) {
        long now = System.currentTimeMillis();
        return new RedisHttpSession(store, null, id, now, now, (int) store.settings().idleTimeout().toSeconds(), true, onInvalidate);
    }

    /** A session loaded from Redis. */
    static RedisHttpSession loaded(SessionStore store, StoredSession stored, Runnable onInvalidate) {
        return new RedisHttpSession(store, stored, stored.id(), stored.created(), stored.lastAccessed(),
                stored.maxInactiveSeconds(), false, onInvalidate);
    }

    @Override
    public synchronized long getCreationTime() {
        checkValid("getCreationTime");
        return created;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public synchronized long getLastAccessedTime() {
        checkValid("getLastAccessedTime");
        return lastAccessed;
    }

    @Override
    public ServletContext getServletContext() {
        return store.context();
    }

    @Override
    public synchronized void setMaxInactiveInterval(int interval) {
        checkValid("setMaxInactiveInterval");
        if (interval != maxInactive) {
            maxInactive = interval;
            metadataChanged = true;
        }
    }

    @Override
    public synchronized int getMaxInactiveInterval() {
        return maxInactive;
    }

    @Override
    public synchronized Object getAttribute(String name) {
        checkValid("getAttribute");
        Attribute attribute = attribute(name);
        if (attribute == null) {
            return null;
        }
        attribute.read = true;
        return value(name, attribute);
    }

    @Override
    public synchronized Enumeration<String> getAttributeNames() {
        checkValid("getAttributeNames");
        return Collections.enumeration(new ArrayList<>(allAttributes().keySet()));
    }

    @Override
    public void setAttribute(String name, Object value) {
        if (name == null) {
            throw new IllegalArgumentException("attribute name is null");
        }
        if (value == null) {
            removeAttribute(name);
            return;
        }
        Object old;
        byte[] encoded;
        synchronized (this) {
            checkValid("setAttribute");
            try {
                // refuse what could not be stored, or never read back, now rather than at the end of the request
                encoded = store.codec().encode(value);
                store.checkReadable(encoded);
            } catch (IOException | RuntimeException e) {
                throw refusal(name, value, e, "");
            }
            Attribute previous = attribute(name);
            old = previous == null ? null : value(name, previous);
        }
        if (old == value) { // still bound: no binding events; attribute listeners hear of it, as Tomcat's do by default
            synchronized (this) {
                attributes.get(name).set = true;
            }
            store.listeners().replaced(this, name, old);
            return;
        }
        if (value instanceof HttpSessionBindingListener binding) {
            binding.valueBound(new HttpSessionBindingEvent(this, name, value));
        }
        synchronized (this) {
            Attribute previous = attributes.get(name);
            Attribute next = Attribute.set(value, encoded);
            next.stored = previous == null ? null : previous.stored;
            attributes.put(name, next);
            removed.remove(name);
        }
        if (old != null) {
            if (old instanceof HttpSessionBindingListener binding) {
                binding.valueUnbound(new HttpSessionBindingEvent(this, name, old));
            }
            store.listeners().replaced(this, name, old);
        } else {
            store.listeners().added(this, name, value);
        }
    }

    @Override
    public void removeAttribute(String name) {
        Object old;
        synchronized (this) {
            checkValid("removeAttribute");
            Attribute attribute = attribute(name);
            if (attribute == null) {
                return;
            }
            old = value(name, attribute);
            forget(name);
        }
        if (old != null) {
            unbound(name, old);
        }
    }

    @Override
    public void invalidate() {
        synchronized (this) {
            checkValid("invalidate");
        }
        store.listeners().destroyed(this);
        unbindAll();
        synchronized (this) {
            valid = false;
        }
        onInvalidate.run();
    }

    /** Unbinds every attribute that decodes, with its listeners, as on invalidation or expiry. */
    void unbindAll() {
        List<String> names;
        synchronized (this) {
            names = new ArrayList<>(allAttributes().keySet());
        }
        for (String name : names) {
            Object old;
            synchronized (this) {
                Attribute attribute = attributes.get(name);
                old = attribute == null ? null : value(name, attribute);
                attributes.remove(name);
            }
            if (old != null) {
                unbound(name, old);
            }
        }
    }

    @Override
    public synchronized boolean isNew() {
        checkValid("isNew");
        return isNew;
    }

    synchronized boolean isValid() {
        return valid;
    }

    synchronized boolean isPersisted() {
        return persisted;
    }

    /** Gives the session a new id in the same shard (written with the next save); returns the old id. */
    String changeId(String newId) {
        String oldId;
        synchronized (this) {
            checkValid("changeSessionId");
            oldId = id;
            if (persisted && previousId == null) {
                previousId = id;
            }
            id = newId;
        }
        store.listeners().idChanged(this, oldId);
        return oldId;
    }

    /** What this request changed, encoded; marks it written, so that a second save writes only later changes. */
    synchronized SessionChanges takeChanges() {
        if (!hasChanges()) {
            return null;
        }
        Map<String, byte[]> set = new LinkedHashMap<>();
        for (Map.Entry<String, Attribute> entry : attributes.entrySet()) {
            Attribute attribute = entry.getValue();
            boolean mutable = attribute.read && !ImmutableValues.isImmutable(attribute.value)
                    && store.settings().writePolicy() == WritePolicy.CHANGED;
            if (!attribute.set && !(attribute.decoded && mutable)) {
                continue;
            }
            boolean readBack = attribute.set && attribute.encoded != null; // by setAttribute
            byte[] bytes = readBack ? attribute.encoded : encodeForStore(entry.getKey(), attribute);
            if (bytes == null) {
                continue;
            }
            if (attribute.set || changedInPlace(attribute, bytes)) {
                if (!readBack && !readsBack(entry.getKey(), attribute, bytes)) {
                    continue;
                }
                set.put(entry.getKey(), bytes);
            }
            attribute.stored = bytes;
            attribute.encoded = null;
            attribute.set = false;
            // the request still holds a value that can change in place, and may change it before it ends (after a flush)
            attribute.read = !ImmutableValues.isImmutable(attribute.value);
        }
        Integer inactive = !persisted || metadataChanged ? maxInactive : null; // else the one Redis holds: another request may have set it
        SessionChanges changes = new SessionChanges(id, !persisted, created, inactive, previousId, set, List.copyOf(removed),
                source, immutableValues(set.keySet()));
        if (changes.isEmpty() && !metadataChanged) {
            return null;
        }
        storedNames().addAll(set.keySet());
        removed.forEach(storedNames()::remove);
        removed.clear();
        metadataChanged = false;
        return changes;
    }

    /**
     * Whether a value read in this request changed in place: its bytes differ from the stored ones and from those of
     * the stored value decoded afresh. Some values serialize differently after a round trip without any change (a
     * small {@code HashSet} writes its table's capacity, which reading it back changes): writing those back would undo
     * the change of a concurrent request.
     */
    private boolean changedInPlace(Attribute attribute, byte[] bytes) {
        if (Arrays.equals(bytes, attribute.stored)) {
            return false;
        }
        if (attribute.stored == null) {
            return true;
        }
        try {
            return !Arrays.equals(bytes, store.codec().encode(store.codec().decode(attribute.stored, store.classLoader())));
        } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
            return true;
        }
    }

    private Map<String, Object> immutableValues(Set<String> names) {
        Map<String, Object> values = new HashMap<>();
        for (String name : names) {
            Object value = attributes.get(name).value;
            if (ImmutableValues.isImmutable(value)) {
                values.put(name, value);
            }
        }
        return values;
    }

    /**
     * Whether {@link #takeChanges} may find something to write: checked first, so that the common request, which
     * only read immutable values, allocates nothing at its end.
     */
    private boolean hasChanges() {
        if (!persisted || previousId != null || metadataChanged || !removed.isEmpty()) {
            return true;
        }
        boolean comparesMutables = store.settings().writePolicy() == WritePolicy.CHANGED;
        for (Attribute attribute : attributes.values()) {
            if (attribute.set || (comparesMutables && attribute.read && attribute.decoded && !ImmutableValues.isImmutable(attribute.value))) {
                return true;
            }
        }
        return false;
    }

    /** The id Redis knows the session by: the one before {@code changeSessionId} until the next save. */
    synchronized String storedId() {
        return previousId != null ? previousId : id;
    }

    /** After a successful save. */
    synchronized void saved() {
        persisted = true;
        previousId = null;
    }

    /**
     * The bytes of a value at the end of the request; {@code null} if it cannot be stored (changed in place since
     * {@code setAttribute}): the attribute keeps what Redis holds, and {@link #reportUnsaved} tells the application.
     */
    private byte[] encodeForStore(String name, Attribute attribute) {
        Object value = attribute.value;
        if (value instanceof HttpSessionActivationListener activation) {
            activation.sessionWillPassivate(new HttpSessionEvent(this));
        }
        try {
            return store.codec().encode(value);
        } catch (IOException | RuntimeException e) {
            refuseAtSave(name, attribute, e);
            return null;
        }
    }

    /**
     * Whether the bytes of a value about to be written would read back; if not, the attribute keeps what Redis holds,
     * and {@link #reportUnsaved} tells the application.
     */
    private boolean readsBack(String name, Attribute attribute, byte[] bytes) {
        try {
            store.checkReadable(bytes);
            return true;
        } catch (UnreadableValueException e) {
            refuseAtSave(name, attribute, e);
            return false;
        }
    }

    private void refuseAtSave(String name, Attribute attribute, Exception e) {
        IllegalArgumentException refused = refusal(name, attribute.value, e, " Not written: the session keeps what it held before this request.");
        if (unsaved == null) {
            unsaved = refused;
        } else {
            unsaved.addSuppressed(refused);
        }
        attribute.set = false; // not tried again by a later save of this request
        attribute.read = false;
    }

    /** Throws the refusal of the values the last {@link #takeChanges} could not encode, once; the other changes are written. */
    synchronized void reportUnsaved() {
        IllegalArgumentException refused = unsaved;
        unsaved = null;
        if (refused != null) {
            throw refused;
        }
    }

    /** The error for a value the codec cannot store, or stores in a form it would refuse to read: it names the attribute and the value's class only. */
    private static IllegalArgumentException refusal(String name, Object value, Exception e, String outcome) {
        String attribute = "session attribute \"" + name + "\" (a " + value.getClass().getName() + ") cannot be stored: ";
        if (e instanceof UnreadableValueException unreadable) {
            return new IllegalArgumentException(attribute + unreadable.getMessage() + "." + outcome, e);
        }
        return new IllegalArgumentException(attribute + "the session codec cannot serialize it (" + e + ")." + outcome, e);
    }

    private Object value(String name, Attribute attribute) {
        if (!attribute.decoded) {
            try {
                attribute.value = attribute.decode(name, store.codec(), store.classLoader());
                attribute.decoded = true;
            } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
                LOG.warning("Session attribute \"" + name + "\" of session " + SessionIds.forLog(id)
                        + " cannot be read and is dropped (redis-session.on-unreadable-attribute=drop): " + e);
                forget(name);
                return null;
            }
            if (attribute.value instanceof HttpSessionActivationListener activation) {
                activation.sessionDidActivate(new HttpSessionEvent(this));
            }
        }
        return attribute.value;
    }

    /** Decodes every attribute now; false if one does not decode. */
    synchronized boolean decodesFully() {
        for (Map.Entry<String, Attribute> entry : allAttributes().entrySet()) {
            Attribute attribute = entry.getValue();
            try {
                attribute.value = attribute.decode(entry.getKey(), store.codec(), store.classLoader());
                attribute.decoded = true;
            } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
                return false;
            }
        }
        return true;
    }

    private void forget(String name) {
        allAttributes().remove(name);
        if (storedNames().contains(name) && !removed.contains(name)) {
            removed.add(name);
        }
    }

    /** The attribute of this name, taken over from the stored session when first used; {@code null} if none. */
    private Attribute attribute(String name) {
        Attribute attribute = attributes.get(name);
        if (attribute == null && !complete) {
            byte[] bytes = source.attributes().get(name);
            if (bytes != null) {
                attribute = Attribute.stored(bytes, source);
                attributes.put(name, attribute);
            }
        }
        return attribute;
    }

    /**
     * Every attribute, in the stored order and then those new in this request: taken over before attributes are
     * listed or removed. A request that only reads some attributes never gets here, and never copies the others.
     */
    private Map<String, Attribute> allAttributes() {
        if (!complete) {
            Map<String, Attribute> used = new LinkedHashMap<>(attributes);
            attributes.clear();
            source.attributes().forEach((name, bytes) -> {
                Attribute attribute = used.remove(name);
                attributes.put(name, attribute != null ? attribute : Attribute.stored(bytes, source));
            });
            attributes.putAll(used);
            complete = true;
        }
        return attributes;
    }

    private Set<String> storedNames() {
        if (storedNames == null) {
            storedNames = source == null ? new HashSet<>() : new HashSet<>(source.attributes().keySet());
        }
        return storedNames;
    }

    private void unbound(String name, Object old) {
        if (old instanceof HttpSessionBindingListener binding) {
            binding.valueUnbound(new HttpSessionBindingEvent(this, name, old));
        }
        store.listeners().removed(this, name, old);
    }

    private void checkValid(String method) {
        if (!valid) {
            throw new IllegalStateException(method + ": the session has been invalidated");
        }
    }

    @Override
    public String toString() {
        return "RedisHttpSession[" + SessionIds.forLog(id) + "]";
    }
}
