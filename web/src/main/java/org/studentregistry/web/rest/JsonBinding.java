package org.studentregistry.web.rest;

import jakarta.json.JsonNumber;
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
import org.studentregistry.web.rest.problem.WrongValueKindException;
import org.studentregistry.web.rest.problem.WrongValueKindException.Expected;

import java.lang.reflect.Type;

/**
 * How the API binds JSON: the platform's defaults, except that each field takes only its own kind of JSON value (or
 * null). By default JSON-B reads other kinds by their spelling: {@code {"firstName": 1}} would store the name "1",
 * {@code "enabled": "yes"} would disable an account (anything but "true" reads as false), and a version of
 * {@code 1.5} would count as 1 or one of {@code 1e30} as an arbitrary number: a client's mistake kept as data.
 * Refused here, each is answered with a 400 that says where.
 */
@Provider
public class JsonBinding implements ContextResolver<Jsonb> {

    @Override
    public Jsonb getContext(Class<?> type) {
        return Configured.JSONB;
    }

    /* Made on the first JSON read or write, as the runtime's default one is: nothing added to the start. */
    private static final class Configured {
        static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
                .withDeserializers(new StringsOnly(), new BooleansOnly(), new WholeNumbersOnly()));
    }

    private static final class StringsOnly implements JsonbDeserializer<String> {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            if (value instanceof JsonString text) {
                return text.getString();
            }
            return nullOrRefused(value, Expected.TEXT, parser);
        }
    }

    private static final class BooleansOnly implements JsonbDeserializer<Boolean> {
        @Override
        public Boolean deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            return switch (value.getValueType()) {
                case TRUE -> Boolean.TRUE;
                case FALSE -> Boolean.FALSE;
                default -> nullOrRefused(value, Expected.TRUE_OR_FALSE, parser);
            };
        }
    }

    /* Exact or refused: 3.0 and 3e0 are 3, but 1.5 is not 1, and 1e30 does not fit. */
    private static final class WholeNumbersOnly implements JsonbDeserializer<Long> {
        @Override
        public Long deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            if (value instanceof JsonNumber number) {
                try {
                    return number.bigDecimalValue().longValueExact();
                } catch (ArithmeticException notWholeOrTooLarge) {
                    throw new WrongValueKindException(Expected.WHOLE_NUMBER, value, parser.getLocation());
                }
            }
            return nullOrRefused(value, Expected.WHOLE_NUMBER, parser);
        }
    }

    private static <T> T nullOrRefused(JsonValue value, Expected expected, JsonParser parser) {
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        throw new WrongValueKindException(expected, value, parser.getLocation());
    }
}
