package org.studentregistry.web.rest;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import org.studentregistry.web.rest.problem.TextExpectedException;

import java.lang.reflect.Type;

/**
 * How the API binds JSON: the platform's defaults, except that a text field takes a JSON string or null and nothing
 * else. By default JSON-B reads a number or a boolean into a text field as its spelling, so {@code {"firstName": 1}}
 * would store the name "1": a client's mistake kept as data. Refused here, it is answered with a 400 that says where.
 */
@Provider
public class JsonBinding implements ContextResolver<Jsonb> {

    @Override
    public Jsonb getContext(Class<?> type) {
        return Configured.JSONB;
    }

    /* Made on the first JSON read or write, as the runtime's default one is: nothing added to the start. */
    private static final class Configured {
        static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withDeserializers(new StringsOnly()));
    }

    private static final class StringsOnly implements JsonbDeserializer<String> {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            if (value instanceof JsonString text) {
                return text.getString();
            }
            if (value.getValueType() == JsonValue.ValueType.NULL) {
                return null;
            }
            throw new TextExpectedException(value.getValueType(), parser.getLocation());
        }
    }
}
