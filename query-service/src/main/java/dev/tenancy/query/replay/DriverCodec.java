package dev.tenancy.query.replay;

import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonDocumentWriter;
import org.bson.Document;
import org.bson.codecs.Codec;
import org.bson.codecs.CollectibleCodec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.conversions.Bson;

/**
 * The conversions the driver makes on the way to and from the server, with the collection's own codecs: a value a
 * handler writes (an Instant, an enum) comes back from the cache as the server would return it (a Date, a String).
 */
final class DriverCodec {

    private static final EncoderContext COLLECTIBLE = EncoderContext.builder().isEncodingCollectibleDocument(true)
            .build();
    private static final DecoderContext DECODING = DecoderContext.builder().build();

    private final CodecRegistry registry;
    private final Codec<Document> codec;
    private final boolean plainCodec;

    DriverCodec(CodecRegistry registry) {
        this.registry = registry;
        this.codec = registry.get(Document.class);
        this.plainCodec = codec.getClass() == DocumentCodec.class;
    }

    BsonDocument render(Bson bson) {
        return bson.toBsonDocument(Document.class, registry);
    }

    /** As the driver sends a document: with its id first. */
    BsonDocument encode(Document document) {
        BsonDocument encoded = new BsonDocument();
        codec.encode(new BsonDocumentWriter(encoded), document, COLLECTIBLE);
        return encoded;
    }

    /**
     * What a read returns. The common value types are converted directly, the way the default {@link DocumentCodec}
     * maps them (a rebuild reads a cached document for nearly every event; the codec's reader costs several times
     * more); a document holding any other type goes through the codec.
     */
    Document decode(BsonDocument document) {
        Document direct = plainCodec ? DirectValues.document(document) : null;
        return direct != null ? direct : codec.decode(new BsonDocumentReader(document), DECODING);
    }

    /** Gives the document an id when it has none, as the driver's insert does, visibly to the caller. */
    @SuppressWarnings("unchecked")
    void generateIdIfAbsent(Document document) {
        if (codec instanceof CollectibleCodec<?> collectible) {
            ((CollectibleCodec<Document>) collectible).generateIdIfAbsentFromDocument(document);
        }
    }
}
