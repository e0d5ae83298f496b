package dev.tenancy.query.replay;

import org.bson.BsonValue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The ids of documents the write-behind cache wrote out and then forgot, as 64-bit hashes: 16 to 32 bytes an id
 * instead of the document. It answers "may exist" (read it from the collection) or "certainly absent" (no round trip),
 * so a projection that inserts a new document per event (the audit log) keeps writing without a read per event once
 * its history outgrows the cache. A hash collision only costs a read that finds nothing.
 */
final class IdHashes {

    private static final long EMPTY = 0;
    private long[] slots = new long[1024];
    private int size;

    void add(BsonValue id) {
        long hash = hash(id);
        if ((size + 1) * 2 > slots.length) {
            grow();
        }
        if (insert(slots, hash)) {
            size++;
        }
    }

    boolean mayContain(BsonValue id) {
        long hash = hash(id);
        int mask = slots.length - 1;
        for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
            if (slots[slot] == hash) {
                return true;
            }
            if (slots[slot] == EMPTY) {
                return false;
            }
        }
    }

    int size() {
        return size;
    }

    void clear() {
        slots = new long[1024];
        size = 0;
    }

    private void grow() {
        long[] larger = new long[slots.length * 2];
        Arrays.stream(slots).filter(hash -> hash != EMPTY).forEach(hash -> insert(larger, hash));
        slots = larger;
    }

    private static boolean insert(long[] table, long hash) {
        int mask = table.length - 1;
        for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
            if (table[slot] == hash) {
                return false;
            }
            if (table[slot] == EMPTY) {
                table[slot] = hash;
                return true;
            }
        }
    }

    private static int spread(long hash) {
        return (int) (hash ^ (hash >>> 32));
    }

    /** FNV-1a over the id's type and value; never {@link #EMPTY}. */
    static long hash(BsonValue id) {
        long hash = 0xcbf29ce484222325L;
        hash = (hash ^ id.getBsonType().getValue()) * 0x100000001b3L;
        byte[] value = switch (id.getBsonType()) {
            case STRING -> id.asString().getValue().getBytes(StandardCharsets.UTF_8);
            case OBJECT_ID -> id.asObjectId().getValue().toByteArray();
            case DATE_TIME -> Long.toString(id.asDateTime().getValue()).getBytes(StandardCharsets.US_ASCII);
            case BOOLEAN -> new byte[] {(byte) (id.asBoolean().getValue() ? 1 : 0)};
            default -> throw new NotInMemory("_id of type " + id.getBsonType());
        };
        for (byte b : value) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        hash ^= hash >>> 29;
        return hash == EMPTY ? 1 : hash;
    }
}
