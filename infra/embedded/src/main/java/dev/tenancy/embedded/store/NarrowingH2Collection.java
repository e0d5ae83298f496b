package dev.tenancy.embedded.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

/** An H2-backed collection whose queries go through {@link QueryNarrowing}; its positions are the documents' ids. */
final class NarrowingH2Collection extends H2Collection implements NarrowedCollection {

    private final QueryNarrowing<Object> narrowing = new QueryNarrowing<>(ValueComparator.asc());

    NarrowingH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                          MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap,
                          CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
    }

    @Override
    public void addIndex(Index<Object> index) {
        super.addIndex(index);
        narrowing.indexAdded(index, streamAllDocumentsWithPosition());
    }

    @Override
    public void dropIndex(String indexName) {
        super.dropIndex(indexName);
        narrowing.indexDropped(indexName);
    }

    @Override
    protected Object addDocumentInternal(Document document) {
        Object position = super.addDocumentInternal(document);
        narrowing.added(position, document);
        return position;
    }

    @Override
    protected void removeDocument(Object position) {
        Document document = getDocument(position);
        super.removeDocument(position);
        narrowing.removed(position, document);
    }

    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
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
