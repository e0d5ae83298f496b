package dev.tenancy.query.replay;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * BSON values as the default {@code DocumentCodec} decodes them, for the types read models hold: sub-documents,
 * arrays, strings, 32- and 64-bit integers, doubles, booleans, dates, object ids and null. Answers null for a
 * document with any other type, so the caller can fall back to the codec.
 */
final class DirectValues {

    /** Marks a value this class does not convert. */
    private static final Object OTHER = new Object();

    private DirectValues() {
    }

    static Document document(BsonDocument bson) {
        Document document = new Document();
        for (Map.Entry<String, BsonValue> field : bson.entrySet()) {
            Object value = value(field.getValue());
            if (value == OTHER) {
                return null;
            }
            document.put(field.getKey(), value);
        }
        return document;
    }

    private static Object value(BsonValue value) {
        return switch (value.getBsonType()) {
            case STRING -> value.asString().getValue();
            case INT32 -> value.asInt32().getValue();
            case INT64 -> value.asInt64().getValue();
            case DOUBLE -> value.asDouble().getValue();
            case BOOLEAN -> value.asBoolean().getValue();
            case DATE_TIME -> new Date(value.asDateTime().getValue());
            case OBJECT_ID -> value.asObjectId().getValue();
            case NULL -> null;
            case DOCUMENT -> {
                Document nested = document(value.asDocument());
                yield nested == null ? OTHER : nested;
            }
            case ARRAY -> list(value.asArray());
            default -> OTHER;
        };
    }

    private static Object list(BsonArray array) {
        List<Object> list = new ArrayList<>(array.size());
        for (BsonValue element : array) {
            Object value = value(element);
            if (value == OTHER) {
                return OTHER;
            }
            list.add(value);
        }
        return list;
    }
}
