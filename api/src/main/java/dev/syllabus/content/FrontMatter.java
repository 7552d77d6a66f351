package dev.syllabus.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.List;
import java.util.Map;

/**
 * The metadata block at the top of a page, as Zola and Hugo ({@code +++} TOML) or Jekyll
 * ({@code ---} YAML) write it, split from the Markdown body.
 *
 * @param fields     the parsed keys (empty when the page has none)
 * @param body       the Markdown after the block
 * @param bodyOffset how many lines precede the body, so messages can name the file's real lines
 */
public record FrontMatter(Map<String, Object> fields, String body, int bodyOffset) {

    private static final ObjectMapper TOML = new TomlMapper();
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    public static FrontMatter split(ContentFile file, List<ContentIssue> issues) {
        List<String> lines = file.text().lines().toList();
        if (lines.isEmpty()) {
            return new FrontMatter(Map.of(), "", 0);
        }
        String fence = lines.get(0).strip();
        ObjectMapper mapper = fence.equals("+++") ? TOML : fence.equals("---") ? YAML : null;
        if (mapper == null) {
            return new FrontMatter(Map.of(), file.text(), 0);
        }
        int end = -1;
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(fence)) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            issues.add(new ContentIssue(file.name(), 1, "front matter opened with '" + fence + "' is never closed"));
            return new FrontMatter(Map.of(), "", lines.size());
        }
        String block = String.join("\n", lines.subList(1, end));
        String body = String.join("\n", lines.subList(end + 1, lines.size()));
        try {
            Map<String, Object> fields = block.isBlank() ? Map.of() : mapper.readValue(block, MAP);
            return new FrontMatter(fields == null ? Map.of() : fields, body, end + 1);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr() + 1;
            issues.add(new ContentIssue(
                    file.name(),
                    line,
                    "front matter is not valid " + (mapper == TOML ? "TOML" : "YAML") + ": " + e.getOriginalMessage()));
            return new FrontMatter(Map.of(), body, end + 1);
        }
    }

    /** A text field, looked up at the top level or under Zola's {@code [extra]} table. */
    public String text(String key) {
        Object value = fields.get(key);
        if (value == null && fields.get("extra") instanceof Map<?, ?> extra) {
            value = extra.get(key);
        }
        return value == null ? null : value.toString().strip();
    }
}
