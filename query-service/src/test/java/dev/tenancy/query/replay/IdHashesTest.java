package dev.tenancy.query.replay;

import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonInt32;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdHashesTest {

    @Test
    void everyAddedIdMayExistAndOthersAreAbsentThroughGrowth() {
        IdHashes ids = new IdHashes();
        IntStream.range(0, 50_000).forEach(i -> ids.add(new BsonString("event-" + i)));
        IntStream.range(0, 50_000).forEach(i -> ids.add(new BsonString("event-" + i)));

        assertThat(ids.size()).isEqualTo(50_000);
        assertThat(IntStream.range(0, 50_000).allMatch(i -> ids.mayContain(new BsonString("event-" + i)))).isTrue();
        assertThat(IntStream.range(50_000, 100_000).filter(i -> ids.mayContain(new BsonString("event-" + i))).count())
                .isZero();
    }

    @Test
    void theTypeIsPartOfTheId() {
        IdHashes ids = new IdHashes();
        ObjectId objectId = new ObjectId();
        ids.add(new BsonObjectId(objectId));
        ids.add(new BsonDateTime(7));
        ids.add(BsonBoolean.TRUE);

        assertThat(ids.mayContain(new BsonObjectId(objectId))).isTrue();
        assertThat(ids.mayContain(new BsonString(objectId.toHexString()))).isFalse();
        assertThat(ids.mayContain(new BsonDateTime(7))).isTrue();
        assertThat(ids.mayContain(new BsonString("7"))).isFalse();
        assertThat(ids.mayContain(BsonBoolean.FALSE)).isFalse();
        assertThatThrownBy(() -> ids.add(new BsonInt32(1))).isInstanceOf(NotInMemory.class);

        ids.clear();
        assertThat(ids.mayContain(BsonBoolean.TRUE)).isFalse();
        assertThat(ids.size()).isZero();
    }
}
