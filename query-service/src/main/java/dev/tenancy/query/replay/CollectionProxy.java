package dev.tenancy.query.replay;

import com.mongodb.client.FindIterable;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;

/**
 * The {@code MongoCollection} the handlers get during a bulk pass: the calls the projections make per event are
 * answered by the cache, anything else is the real collection's answer. Recognising a call is strict (method,
 * parameter types, options, filter and update shapes); whatever is not recognised is correct by construction.
 */
final class CollectionProxy implements InvocationHandler {

    /** Calls that leave the documents as they are, so the cache stays valid across them. */
    private static final Set<String> READS = Set.of("find", "countDocuments", "estimatedDocumentCount", "distinct",
            "listIndexes", "listSearchIndexes", "watch", "getNamespace", "getDocumentClass", "getCodecRegistry",
            "getReadPreference", "getWriteConcern", "getReadConcern", "getTimeout", "createIndex", "createIndexes");

    private final WriteBehindCollection collection;
    private final boolean acknowledged;
    private final WriteBehindCollections.Counters counters;

    CollectionProxy(WriteBehindCollection collection, boolean acknowledged, WriteBehindCollections.Counters counters) {
        this.collection = collection;
        this.acknowledged = acknowledged;
        this.counters = counters;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return objectMethod(proxy, method, args, "write-behind " + collection.name());
        }
        if (acknowledged && recognised(method, args)) {
            try {
                Object answer = inMemory(method, args);
                if (!method.getName().equals("find")) {
                    counters.inMemory.increment();
                }
                return answer;
            } catch (NotInMemory notMirrored) {
                // the real collection gives the answer below
            }
        }
        counters.fallbacks.increment();
        return collection.fallback(method, args, mayWrite(method, args));
    }

    private static boolean recognised(Method method, Object[] args) {
        if (args == null || args.length == 0 || method.getParameterTypes()[0] != Bson.class && !method.getName()
                .equals("insertOne")) {
            return false;
        }
        for (Object arg : args) {
            if (arg == null) {
                return false;
            }
        }
        return true;
    }

    /** The in-memory answer; a find by id answers with an iterable that counts when used. */
    private Object inMemory(Method method, Object[] args) {
        Class<?>[] types = method.getParameterTypes();
        switch (method.getName()) {
            case "find":
                if (types.length == 1) {
                    return findById((Bson) args[0]);
                }
                break;
            case "updateOne":
                if (types[1] == Bson.class && (types.length == 2 || upsertOnly(args[2]))) {
                    return collection.update(filter(args[0]),
                            InMemoryUpdates.parse(collection.render((Bson) args[1])),
                            types.length == 3 && ((UpdateOptions) args[2]).isUpsert());
                }
                break;
            case "replaceOne":
                if (args[1] instanceof Document replacement && (types.length == 2 || upsertOnly(args[2]))) {
                    return collection.replace(filter(args[0]), replacement,
                            types.length == 3 && ((ReplaceOptions) args[2]).isUpsert());
                }
                break;
            case "insertOne":
                if (types.length == 1 && args[0] instanceof Document document) {
                    return collection.insert(document);
                }
                break;
            case "deleteOne":
                if (types.length == 1) {
                    return collection.delete(filter(args[0]));
                }
                break;
            default:
                break;
        }
        throw new NotInMemory(method.getName());
    }

    private IdFilter filter(Object filter) {
        return IdFilter.parse(collection.render((Bson) filter));
    }

    private static boolean upsertOnly(Object options) {
        if (options instanceof UpdateOptions update) {
            return update.getBypassDocumentValidation() == null && update.getCollation() == null
                    && update.getArrayFilters() == null && update.getHint() == null && update.getHintString() == null
                    && update.getComment() == null && update.getLet() == null && update.getSort() == null;
        }
        if (options instanceof ReplaceOptions replace) {
            return replace.getBypassDocumentValidation() == null && replace.getCollation() == null
                    && replace.getHint() == null && replace.getHintString() == null && replace.getComment() == null
                    && replace.getLet() == null && replace.getSort() == null;
        }
        return false;
    }

    private FindIterable<?> findById(Bson filter) {
        IdFilter id = IdFilter.parse(collection.render(filter));
        if (!id.onlyId()) {
            throw new NotInMemory("find with conditions");
        }
        return (FindIterable<?>) Proxy.newProxyInstance(FindIterable.class.getClassLoader(),
                new Class<?>[] {FindIterable.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return objectMethod(proxy, method, args, "write-behind find " + filter);
                    }
                    if (method.getName().equals("first") && method.getParameterCount() == 0) {
                        counters.inMemory.increment();
                        return collection.findFirst(id);
                    }
                    counters.fallbacks.increment();
                    return collection.fallbackFind(filter, method, args);
                });
    }

    private boolean mayWrite(Method method, Object[] args) {
        if (method.getName().equals("aggregate")) {
            for (Object arg : args) {
                if (arg instanceof List<?> stages) {
                    return stages.stream().anyMatch(this::writingStage);
                }
            }
            return true;
        }
        return !READS.contains(method.getName());
    }

    private boolean writingStage(Object stage) {
        if (!(stage instanceof Bson bson)) {
            return true;
        }
        BsonDocument rendered = collection.render(bson);
        return rendered.containsKey("$out") || rendered.containsKey("$merge");
    }

    static Object call(Object receiver, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(receiver, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static Object objectMethod(Object proxy, Method method, Object[] args, String description) {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> description;
        };
    }
}
