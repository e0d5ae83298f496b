package dev.tenancy.platform.axon;

import java.io.Serial;
import java.io.Serializable;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The event ids of axon-mongo's look-back window, in the order they were tracked, shared by the tokens of many
 * events: each token's map is a {@link View} of a range of it. axon-mongo's own {@code advanceTo} copies the whole
 * window into a new map for every event, so tracking cost events × window, and the embedded event store's cache kept
 * that many entries alive (1,500 per event at 300 events a second and a 5 s window).
 * <p>
 * Only appended to, and only at its end: {@link Tracker#advance} extends a window past the view it started from only
 * while that view is still the window's newest, so two readers that started from one token cannot both extend it;
 * the second starts a window of its own. What a view covers is written before the view exists and never changed.
 */
final class TrackedWindow {

    /** A window whose dropped (older) part outgrows this and its live part is not extended further, but copied. */
    private static final int COMPACT_AFTER = 4_096;

    private final Map<String, Integer> positions;
    private volatile String[] ids;
    private volatile long[] times;
    private int size;

    private TrackedWindow(int capacity) {
        this.positions = new ConcurrentHashMap<>(capacity * 4 / 3 + 1);
        this.ids = new String[capacity];
        this.times = new long[capacity];
    }

    /**
     * Tracks on from a token's map: the same window when the map is the newest view of one that is still worth
     * extending, else a new window starting with the map's entries, in their order.
     */
    static Tracker from(Map<String, Long> tracked, int expectedAppends) {
        if (tracked instanceof View view && (view.from < COMPACT_AFTER || view.from < view.to - view.from)) {
            return new Tracker(view.window, view.from, view.to);
        }
        return copyOf(tracked, expectedAppends);
    }

    private static Tracker copyOf(Map<String, Long> tracked, int expectedAppends) {
        TrackedWindow window = new TrackedWindow(Math.max(16, tracked.size() + expectedAppends));
        tracked.forEach((id, time) -> window.appendAt(window.size, id, time));
        return new Tracker(window, 0, window.size);
    }

    /** Appends unless the window has grown past {@code end} since (another reader extended it); says which. */
    private synchronized boolean appendAt(int end, String id, long time) {
        if (size != end) {
            return false;
        }
        if (size == ids.length) {
            times = Arrays.copyOf(times, size * 2);
            ids = Arrays.copyOf(ids, size * 2);
        }
        ids[size] = id;
        times[size] = time;
        positions.put(id, size++);
        return true;
    }

    /** The newest position of {@code id} within {@code [from, to)}, or -1. */
    private int positionOf(Object id, int from, int to) {
        Integer position = positions.get(id);
        if (position == null || position < from) {
            return -1;
        }
        if (position < to) {
            return position;
        }
        // tracked again after it had left the window: a view from before may still hold the earlier position
        String[] known = ids;
        for (int i = from; i < to; i++) {
            if (known[i].equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** One reader's way through a window: where the ids it still tracks start and end. */
    static final class Tracker {

        private TrackedWindow window;
        private int from;
        private int end;

        private Tracker(TrackedWindow window, int from, int end) {
            this.window = window;
            this.from = from;
            this.end = end;
        }

        boolean tracks(String id) {
            return window.positionOf(id, from, end) >= 0;
        }

        /**
         * Tracks one more event, then drops ids from the oldest tracked while they are older than {@code cutOff} (as
         * axon-mongo does: it stops at the first that is not); answers the ids tracked now.
         */
        View advance(String id, long time, long cutOff) {
            if (!window.appendAt(end, id, time)) {
                Tracker copy = copyOf(current(), 16);
                window = copy.window;
                from = copy.from;
                end = copy.end;
                window.appendAt(end, id, time);
            }
            end++;
            long[] known = window.times;
            while (from < end && known[from] < cutOff) {
                from++;
            }
            return current();
        }

        View current() {
            return new View(window, from, end);
        }
    }

    /** An unmodifiable map of the ids tracked in {@code [from, to)} to their timestamps, in tracking order. */
    static final class View extends AbstractMap<String, Long> implements Serializable {

        @Serial
        private static final long serialVersionUID = 1L;

        private final transient TrackedWindow window;
        private final transient int from;
        private final transient int to;

        private View(TrackedWindow window, int from, int to) {
            this.window = window;
            this.from = from;
            this.to = to;
        }

        @Override
        public boolean containsKey(Object id) {
            return window.positionOf(id, from, to) >= 0;
        }

        @Override
        public Long get(Object id) {
            int position = window.positionOf(id, from, to);
            return position < 0 ? null : window.times[position];
        }

        @Override
        public int size() {
            return to - from;
        }

        @Override
        public Set<Entry<String, Long>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, Long>> iterator() {
                    String[] known = window.ids;
                    long[] at = window.times;
                    return new Iterator<>() {
                        private int next = from;

                        @Override
                        public boolean hasNext() {
                            return next < to;
                        }

                        @Override
                        public Entry<String, Long> next() {
                            if (next >= to) {
                                throw new NoSuchElementException();
                            }
                            int position = next++;
                            return new SimpleImmutableEntry<>(known[position], at[position]);
                        }
                    };
                }

                @Override
                public int size() {
                    return to - from;
                }
            };
        }

        /** How many ids the window behind this view has room for: what it keeps alive. */
        int windowCapacity() {
            return window.ids.length;
        }

        /** Java serialization writes a plain copy; the window behind a view is not worth carrying. */
        @Serial
        private Object writeReplace() {
            return new LinkedHashMap<>(this);
        }
    }
}
