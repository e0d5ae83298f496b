package dev.tenancy.embedded.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.bson.Document;

/** An in-memory collection whose queries go through {@link QueryNarrowing}; its positions are list slots. */
final class NarrowingMemoryCollection extends MemoryCollection implements NarrowedCollection {

    private final QueryNarrowing<Integer> narrowing = new QueryNarrowing<>(Integer::compare);

    NarrowingMemoryCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                              CursorRegistry cursorRegistry) {
        super(database, collectionName, options, cursorRegistry);
    }

    @Override
    public void addIndex(Index<Integer> index) {
        super.addIndex(index);
        narrowing.indexAdded(index, streamAllDocumentsWithPosition());
    }

    @Override
    public void dropIndex(String indexName) {
        super.dropIndex(indexName);
        narrowing.indexDropped(indexName);
    }

    @Override
    protected Integer addDocumentInternal(Document document) {
        Integer position = super.addDocumentInternal(document);
        narrowing.added(position, document);
        return position;
    }

    @Override
    protected void removeDocument(Integer position) {
        Document document = getDocument(position);
        super.removeDocument(position);
        narrowing.removed(position, document);
    }

    @Override
    protected void handleUpdate(Integer position, Document oldDocument, Document newDocument) {
        super.handleUpdate(position, oldDocument, newDocument);
        narrowing.updated(position, oldDocument, newDocument);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                         int batchSize, Document fieldSelector) {
        return narrowing.candidates(count(), query, orderBy, QueryNarrowing.wanted(numberToSkip, limit), getIndexes(),
                        this::getDocument)
                .map(positions -> narrowing.matching(query, () -> matchDocuments(query, positions, orderBy,
                        numberToSkip, limit, batchSize, fieldSelector)))
                .orElseGet(() -> super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector));
    }

    @Override
    protected boolean documentMatchesQuery(Document document, Document query) {
        return super.documentMatchesQuery(document, narrowing.queryFor(document, query));
    }

    @Override
    public NarrowingStats narrowing() {
        return narrowing;
    }
}
