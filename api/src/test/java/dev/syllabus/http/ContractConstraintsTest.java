package dev.syllabus.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The contract is written by hand, and the request models' Bean Validation constraints enforce it:
 * both say a field's pattern, lengths, bounds and whether it is required, so this holds each schema
 * of the document to the record of the same name, property by property, both ways.
 */
class ContractConstraintsTest {

    @Test
    void eachRecordsConstraintsAreWhatItsSchemaSays() throws IOException {
        JsonNode schemas = new ObjectMapper()
                .readTree(OpenApiContractTest.COMMITTED.toFile())
                .path("components")
                .path("schemas");
        Map<String, List<Class<?>>> recordsByName = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.syllabus").stream()
                        .filter(JavaClass::isRecord)
                        .map(JavaClass::reflect)
                        .collect(Collectors.groupingBy(Class::getSimpleName));
        List<String> validated = new ArrayList<>();
        for (var entry : recordsByName.entrySet()) {
            JsonNode schema = schemas.path(entry.getKey());
            if (schema.isMissingNode() || entry.getValue().size() != 1) {
                continue;
            }
            Class<?> record = entry.getValue().get(0);
            for (RecordComponent component : record.getRecordComponents()) {
                Map<String, Object> inCode = constraints(record, component.getName());
                if (inCode.isEmpty()) {
                    continue;
                }
                validated.add(entry.getKey() + "." + component.getName());
                assertThat(documented(schema, component.getName()))
                        .as(
                                "%s.%s: the document's constraints against the record's",
                                entry.getKey(), component.getName())
                        .isEqualTo(inCode);
            }
        }
        assertThat(validated).as("validated properties found in both").hasSizeGreaterThan(10);
    }

    /** What Bean Validation enforces on one record component, in the document's words. */
    private static Map<String, Object> constraints(Class<?> record, String name) {
        Field field;
        try {
            field = record.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            throw new AssertionError(e);
        }
        Map<String, Object> said = new TreeMap<>();
        boolean list = Collection.class.isAssignableFrom(field.getType());
        if (field.isAnnotationPresent(NotNull.class) || field.isAnnotationPresent(NotBlank.class)) {
            said.put("required", true);
        }
        if (field.isAnnotationPresent(NotBlank.class)) {
            said.put("pattern", "\\S"); // the schema's word for "not blank": some character that is not white space
        }
        Pattern pattern = field.getAnnotation(Pattern.class);
        if (pattern != null) {
            said.put("pattern", pattern.regexp());
        }
        Size size = field.getAnnotation(Size.class);
        if (size != null) {
            if (size.min() > 0) {
                said.put(list ? "minItems" : "minLength", (long) size.min());
            }
            if (size.max() < Integer.MAX_VALUE) {
                said.put(list ? "maxItems" : "maxLength", (long) size.max());
            }
        }
        Min min = field.getAnnotation(Min.class);
        if (min != null) {
            said.put("minimum", min.value());
        }
        Max max = field.getAnnotation(Max.class);
        if (max != null) {
            said.put("maximum", max.value());
        }
        return said;
    }

    /** The same facts as the document states them for the schema's property. */
    private static Map<String, Object> documented(JsonNode schema, String name) {
        JsonNode property = schema.path("properties").path(name);
        Map<String, Object> said = new TreeMap<>();
        for (JsonNode required : schema.path("required")) {
            if (required.asText().equals(name)) {
                said.put("required", true);
            }
        }
        if (property.has("pattern")) {
            said.put("pattern", property.get("pattern").asText());
        }
        for (String bound : List.of("minLength", "maxLength", "minItems", "maxItems", "minimum", "maximum")) {
            if (property.has(bound)) {
                said.put(bound, property.get(bound).asLong());
            }
        }
        return said;
    }
}
