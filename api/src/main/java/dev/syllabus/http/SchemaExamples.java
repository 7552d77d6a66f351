package dev.syllabus.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.models.media.Schema;

/** Example values built from a schema and its properties' own examples: valid by construction. */
record SchemaExamples(Map<String, Schema> schemas) {

    private static final String INSTANT_EXAMPLE = "2026-09-01T09:00:00Z";

    private static final int DEEPEST = 5;

    Object of(Schema schema, int depth) {
        if (schema.getRef() != null) {
            Schema target = schemas.get(OpenApiConventions.refName(schema.getRef()));
            return target == null ? null : of(target, depth + 1);
        }
        if (schema.getExamples() != null && !schema.getExamples().isEmpty()) {
            return schema.getExamples().get(0);
        }
        if (schema.getExample() != null) {
            return schema.getExample();
        }
        if (schema.getEnumeration() != null && !schema.getEnumeration().isEmpty()) {
            return schema.getEnumeration().get(0);
        }
        if (schema.getAnyOf() != null) {
            return schema.getAnyOf().stream()
                    .filter(option -> !isNull(option))
                    .findFirst()
                    .map(option -> of(option, depth))
                    .orElse(null);
        }
        List<Schema.SchemaType> types = schema.getType() == null ? List.of() : schema.getType();
        if (schema.getProperties() != null || types.contains(Schema.SchemaType.OBJECT)) {
            Map<String, Object> object = new LinkedHashMap<>();
            if (schema.getProperties() != null) {
                schema.getProperties().forEach((name, property) -> object.put(name, of(property, depth + 1)));
            }
            return object;
        }
        if (types.contains(Schema.SchemaType.ARRAY)) {
            // A list of another model inside a model is shown empty: that model has its own example.
            boolean ofModel = schema.getItems() != null && schema.getItems().getRef() != null;
            return depth >= DEEPEST || schema.getItems() == null || (ofModel && depth > 0)
                    ? List.of()
                    : List.of(of(schema.getItems(), depth + 1));
        }
        if (types.contains(Schema.SchemaType.INTEGER) || types.contains(Schema.SchemaType.NUMBER)) {
            return schema.getMinimum() != null ? schema.getMinimum().intValue() : 1;
        }
        if (types.contains(Schema.SchemaType.BOOLEAN)) {
            return false;
        }
        if (types.contains(Schema.SchemaType.STRING)) {
            return switch (schema.getFormat() == null ? "" : schema.getFormat()) {
                case "date-time" -> INSTANT_EXAMPLE;
                case "date" -> INSTANT_EXAMPLE.substring(0, 10);
                case "local-time", "partial-time" -> "10:00:00";
                default -> "text";
            };
        }
        return null;
    }

    private static boolean isNull(Schema option) {
        return option.getType() != null && option.getType().equals(List.of(Schema.SchemaType.NULL));
    }
}
