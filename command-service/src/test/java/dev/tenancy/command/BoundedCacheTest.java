package dev.tenancy.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

class BoundedCacheTest {

    @Test
    void theLeastRecentlyUsedEntryLeavesWhenTheCacheIsFull() {
        BoundedCache cache = new BoundedCache(2);
        List<Object> expired = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryExpired(Object key) {
                expired.add(key);
            }
        });
        cache.put("a", 1);
        cache.put("b", 2);
        assertThat((Integer) cache.get("a")).isEqualTo(1);

        cache.put("c", 3);

        assertThat(cache.containsKey("b")).as("b was used least recently").isFalse();
        assertThat(cache.containsKey("a")).isTrue();
        assertThat(cache.containsKey("c")).isTrue();
        assertThat(expired).containsExactly("b");
    }

    @Test
    void entriesStayWhateverTheGarbageCollectorDoes() {
        BoundedCache cache = new BoundedCache(10);
        cache.put("tenant", new StringBuilder("state"));

        System.gc();

        assertThat(cache.<String, StringBuilder>get("tenant")).hasToString("state");
    }

    @Test
    void removingTellsTheListenersAndPuttingNothingRemoves() {
        BoundedCache cache = new BoundedCache(10);
        List<Object> removed = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryRemoved(Object key) {
                removed.add(key);
            }
        });
        cache.put("a", 1);
        cache.put("b", 2);

        assertThat(cache.remove("a")).isTrue();
        assertThat(cache.remove("a")).isFalse();
        cache.put("b", null);

        assertThat(removed).containsExactly("a", "b");
        assertThat(cache.putIfAbsent("c", 3)).isTrue();
        assertThat(cache.putIfAbsent("c", 4)).isFalse();
        assertThat((Integer) cache.computeIfAbsent("c", () -> 5)).isEqualTo(3);
    }
}
