package dev.tenancy.embedded.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotInClausesTest {

    private static final List<Object> IDS = ids(NotInClauses.WORTH_IT);

    @Test
    void aPollKeepsItsTimeConditionAndLosesItsList() {
        Document poll = new Document("$and", List.of(new Document("timestamp", new Document("$gte", "t")),
                new Document("eventIdentifier", new Document("$nin", IDS))));

        NotInClauses clauses = NotInClauses.of(poll).orElseThrow();

        assertThat(clauses.remainder()).isEqualTo(new Document("$and",
                List.of(new Document("timestamp", new Document("$gte", "t")))));
        assertThat(clauses.query()).isSameAs(poll);
        assertThat(clauses.passes(new Document("eventIdentifier", "new"))).isTrue();
        assertThat(clauses.rulesOut(new Document("eventIdentifier", "id-3"))).isTrue();
        assertThat(clauses.passes(new Document("eventIdentifier", "id-3"))).isFalse();
    }

    @Test
    void onlyPlainValuesAreDecidedByTheList() {
        NotInClauses clauses = NotInClauses.of(new Document("n", new Document("$nin", List.of(1L, 2, 3L, 4, 5L, 6,
                7L, 8, 9L, 10, 11L, 12, 13L, 14, 15L, 16)))).orElseThrow();

        assertThat(clauses.rulesOut(new Document("n", 3))).isTrue();
        assertThat(clauses.rulesOut(new Document("n", 2L))).isTrue();
        assertThat(clauses.passes(new Document("n", 17))).isTrue();
        assertThat(clauses.passes(new Document("n", "3"))).isTrue();
        for (Document undecided : List.of(new Document("n", 3.0), new Document("n", List.of(3L)), new Document(),
                new Document("n", null), new Document("n", new Document("v", 3L)))) {
            assertThat(clauses.passes(undecided)).as("%s", undecided).isFalse();
            assertThat(clauses.rulesOut(undecided)).as("%s", undecided).isFalse();
        }
        assertThat(clauses.remainder()).isEqualTo(new Document());
    }

    @Test
    void otherConditionsOnTheFieldStay() {
        Document query = new Document("f", new Document("$nin", IDS).append("$ne", "x")).append("g", 1);

        assertThat(NotInClauses.of(query).orElseThrow().remainder())
                .isEqualTo(new Document("f", new Document("$ne", "x")).append("g", 1));
    }

    @Test
    void aFieldWithAnyOtherListIsLeftToTheMatcher() {
        Document twice = new Document("$and", List.of(new Document("f", new Document("$nin", IDS)),
                new Document("f", new Document("$nin", List.of("a")))));
        Document mixed = new Document("f", new Document("$nin", withDouble()));
        Document nested = new Document("$and", List.of(new Document("f", new Document("$nin", IDS)),
                new Document("$and", List.of(new Document("f", new Document("$nin", List.of("a")))))));

        assertThat(NotInClauses.of(twice)).isEmpty();
        assertThat(NotInClauses.of(mixed)).isEmpty();
        assertThat(NotInClauses.of(new Document("f", new Document("$nin", ids(NotInClauses.WORTH_IT - 1)))))
                .isEmpty();
        assertThat(NotInClauses.of(new Document("f.g", new Document("$nin", IDS)))).isEmpty();
        assertThat(NotInClauses.of(nested).orElseThrow().remainder()).isEqualTo(new Document("$and",
                List.of(new Document("$and", List.of(new Document("f", new Document("$nin", List.of("a"))))))));
    }

    private static List<Object> withDouble() {
        List<Object> values = new ArrayList<>(IDS);
        values.add(1.5);
        return values;
    }

    private static List<Object> ids(int count) {
        List<Object> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add("id-" + i);
        }
        return ids;
    }
}
