package dev.syllabus.content;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * One course's source files and where they came from. Its version is a digest of the files, so
 * every replica that reads the same content computes the same version (and so the same ETag).
 */
public record CourseSource(String slug, String origin, List<ContentFile> files) {

    /**
     * Bumped when the JSON or Markdown the API derives from content changes shape, so that clients'
     * cached copies are not mistaken for current ones after an upgrade.
     */
    static final String MODEL_REVISION = "1";

    public CourseSource {
        files = files.stream().sorted(Comparator.comparing(ContentFile::name)).toList();
    }

    public String version() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(MODEL_REVISION.getBytes(StandardCharsets.UTF_8));
            for (ContentFile file : files) {
                digest.update((byte) 0);
                digest.update(file.baseName().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(file.text().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public CourseReader.Result read() {
        return CourseReader.read(slug, files);
    }
}
