package dev.syllabus.content;

import dev.syllabus.domain.Names;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Finds course folders: the ones built into the application, then those in the content folder
 * ({@code syllabus.content.dir}, which the importer passes in: this package reads no settings).
 */
public final class ContentSources {

    private static final Logger LOG = Logger.getLogger(ContentSources.class);
    private static final String BUILT_IN = "content";
    private static final long MAX_FILE_BYTES = 1 << 20;

    private ContentSources() {}

    /** Every course by slug; a course in {@code folder} replaces the built-in one of the same slug. */
    public static List<CourseSource> all(Optional<String> folder) {
        Map<String, CourseSource> courses = new LinkedHashMap<>();
        builtIn().forEach(source -> courses.put(source.slug(), source));
        folder.filter(dir -> !dir.isBlank()).map(Path::of).ifPresent(dir -> {
            if (!Files.isDirectory(dir)) {
                throw new InvalidContentException(List.of(new ContentIssue(
                        dir.toString(),
                        0,
                        "the content folder named by syllabus.content.dir (SYLLABUS_CONTENT_DIR) does not exist")));
            }
            fromFolder(dir, dir.toString()).forEach(source -> {
                if (courses.put(source.slug(), source) != null) {
                    LOG.infof("Course %s from %s replaces the built-in one", source.slug(), dir);
                }
            });
        });
        return List.copyOf(courses.values());
    }

    private static List<CourseSource> builtIn() {
        URL root = Thread.currentThread().getContextClassLoader().getResource(BUILT_IN);
        if (root == null) {
            return List.of();
        }
        try {
            URI uri = root.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return fromFolder(jar.getPath(BUILT_IN), "built-in");
                }
            }
            return fromFolder(Path.of(uri), "built-in");
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot read the built-in course content at " + root, e);
        }
    }

    /** Reads every course sub-folder of {@code root}; files are read eagerly so a jar can be closed after. */
    static List<CourseSource> fromFolder(Path root, String origin) {
        List<CourseSource> sources = new ArrayList<>();
        try (Stream<Path> children = Files.list(root)) {
            for (Path folder : children.sorted().toList()) {
                String slug = folder.getFileName().toString().replace("/", "");
                if (!Files.isDirectory(folder) || slug.startsWith(".")) {
                    continue;
                }
                if (!Names.isSlug(slug)) {
                    throw new InvalidContentException(List.of(new ContentIssue(
                            slug,
                            0,
                            "a course folder name must be a slug: lower-case letters, digits and single hyphens")));
                }
                sources.add(new CourseSource(slug, origin, files(folder, slug)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list course content in " + root, e);
        }
        return sources;
    }

    private static List<ContentFile> files(Path folder, String slug) throws IOException {
        List<ContentFile> files = new ArrayList<>();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path file : entries.sorted().toList()) {
                String name = file.getFileName().toString().replace("/", "");
                // Kubernetes mounts ConfigMaps through ..data symlinks: follow regular files, skip the rest.
                if (name.startsWith(".")
                        || !Files.isRegularFile(file)
                        || !(name.endsWith(".md") || name.endsWith(".toml"))) {
                    continue;
                }
                if (Files.size(file) > MAX_FILE_BYTES) {
                    throw new InvalidContentException(
                            List.of(new ContentIssue(slug + "/" + name, 0, "larger than 1 MiB")));
                }
                files.add(new ContentFile(slug + "/" + name, Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        return files;
    }
}
