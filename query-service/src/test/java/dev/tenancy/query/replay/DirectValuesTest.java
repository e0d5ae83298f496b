package dev.tenancy.query.replay;

import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DirectValuesTest {

    @Test
    void convertsEveryCommonTypeExactlyAsTheDefaultCodecDecodesIt() {
        BsonDocument bson = new BsonDocument("_id", new BsonString("t-1"))
                .append("int", new BsonInt32(7)).append("long", new BsonInt64(7L))
                .append("double", new BsonDouble(1.5)).append("flag", BsonBoolean.TRUE)
                .append("at", new BsonDateTime(1_700_000_000_000L)).append("oid", new BsonObjectId())
                .append("none", BsonNull.VALUE)
                .append("nested", new BsonDocument("list", new BsonArray(List.of(new BsonInt32(1),
                        new BsonDocument("deep", new BsonString("x")), new BsonArray()))));

        Document direct = DirectValues.document(bson);
        Document decoded = new DocumentCodec().decode(new BsonDocumentReader(bson), DecoderContext.builder().build());

        assertThat(direct).isEqualTo(decoded);
        assertThat(direct.keySet()).containsExactlyElementsOf(decoded.keySet());
        decoded.forEach((key, value) -> assertThat(direct.get(key) == null ? null : direct.get(key).getClass())
                .as(key).isEqualTo(value == null ? null : value.getClass()));
        assertThat(direct.get("nested", Document.class).getList("list", Object.class).get(1))
                .isInstanceOf(Document.class);
    }

    @Test
    void leavesOtherTypesToTheCodecEvenDeepInside() {
        BsonDocument bson = new BsonDocument("_id", new BsonString("t-1")).append("nested",
                new BsonDocument("list", new BsonArray(List.of(new BsonDecimal128(Decimal128.parse("1.10"))))));

        assertThat(DirectValues.document(bson)).isNull();
    }
}
