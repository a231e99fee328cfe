package dev.authgateway.gateway.graphql;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import graphql.ExecutionResult;
import graphql.GraphQLError;

/**
 * A result as the response body, written straight from graphql-java's result: {@code errors} (each shaped by
 * {@link EdgeError}) and {@code data} when execution started. The bytes are those Jackson writes for the same
 * content as maps and lists: the types graphql-java's results hold (maps, lists, strings, numbers, booleans) are
 * written here, anything else by Jackson's serializer for its type.
 */
final class ResultShape extends JsonSerializer<ExecutionResult> {

    private static final SerializableString ERRORS = new SerializedString("errors");
    private static final SerializableString DATA = new SerializedString("data");

    @Override
    public Class<ExecutionResult> handledType() {
        return ExecutionResult.class;
    }

    @Override
    public void serialize(ExecutionResult result, JsonGenerator json, SerializerProvider provider) throws IOException {
        json.writeStartObject();
        List<GraphQLError> errors = result.getErrors();
        if (!errors.isEmpty()) {
            json.writeFieldName(ERRORS);
            json.writeStartArray();
            for (GraphQLError error : errors) {
                EdgeError.writeShape(error, json, provider);
            }
            json.writeEndArray();
        }
        if (result.isDataPresent()) {
            json.writeFieldName(DATA);
            writeValue(result.getData(), json, provider);
        }
        json.writeEndObject();
    }

    /** A value of a result or an error, as Jackson's default serializers write it. */
    static void writeValue(Object value, JsonGenerator json, SerializerProvider provider) throws IOException {
        switch (value) {
            case null -> json.writeNull();
            case String text -> json.writeString(text);
            case Integer number -> json.writeNumber(number);
            case Long number -> json.writeNumber(number);
            case Boolean bool -> json.writeBoolean(bool);
            case Map<?, ?> map -> writeMap(map, json, provider);
            case List<?> list -> {
                json.writeStartArray();
                for (Object element : list) {
                    writeValue(element, json, provider);
                }
                json.writeEndArray();
            }
            default -> provider.defaultSerializeValue(value, json);
        }
    }

    private static void writeMap(Map<?, ?> map, JsonGenerator json, SerializerProvider provider) throws IOException {
        json.writeStartObject();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            writeKey(entry.getKey(), json, provider);
            writeValue(entry.getValue(), json, provider);
        }
        json.writeEndObject();
    }

    static void writeKey(Object key, JsonGenerator json, SerializerProvider provider) throws IOException {
        if (key instanceof String name) {
            json.writeFieldName(name);
        } else if (key == null) {
            provider.findNullKeySerializer(provider.constructType(Object.class), null).serialize(null, json, provider);
        } else {
            provider.findKeySerializer(key.getClass(), null).serialize(key, json, provider);
        }
    }
}
