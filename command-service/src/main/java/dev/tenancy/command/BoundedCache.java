package dev.tenancy.command;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The most recently used {@code capacity} entries, held strongly; the least recently used one leaves when another
 * arrives. Axon's {@code WeakReferenceCache} lets any garbage collection drop a tenant, and a dropped busy tenant
 * reloads its snapshot and the events after it; this cache keeps the active tenants until they are truly the
 * oldest.
 */
public final class BoundedCache implements Cache {

    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<Object, Object> entries;

    public BoundedCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                if (size() <= capacity) {
                    return false;
                }
                listeners.forEach(listener -> listener.onEntryExpired(eldest.getKey()));
                return true;
            }
        };
    }

    @Override
    public synchronized <K, V> V get(K key) {
        @SuppressWarnings("unchecked")
        V value = (V) entries.get(key);
        if (value != null) {
            listeners.forEach(listener -> listener.onEntryRead(key, value));
        }
        return value;
    }

    @Override
    public synchronized void put(Object key, Object value) {
        if (value == null) {
            remove(key);
            return;
        }
        boolean updated = entries.put(key, value) != null;
        listeners.forEach(listener -> {
            if (updated) {
                listener.onEntryUpdated(key, value);
            } else {
                listener.onEntryCreated(key, value);
            }
        });
    }

    @Override
    public synchronized boolean putIfAbsent(Object key, Object value) {
        if (entries.containsKey(key)) {
            return false;
        }
        put(key, value);
        return true;
    }

    @Override
    public synchronized <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        T current = get(key);
        if (current != null) {
            return current;
        }
        T created = valueSupplier.get();
        if (created == null) {
            throw new IllegalArgumentException("the supplier made no value for " + key);
        }
        put(key, created);
        return created;
    }

    @Override
    public synchronized <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        V current = get(key);
        if (current != null) {
            put(key, update.apply(current));
        }
    }

    @Override
    public synchronized boolean remove(Object key) {
        if (entries.remove(key) == null) {
            return false;
        }
        listeners.forEach(listener -> listener.onEntryRemoved(key));
        return true;
    }

    @Override
    public synchronized void removeAll() {
        List.copyOf(entries.keySet()).forEach(this::remove);
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
