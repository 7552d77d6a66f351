package dev.syllabus.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The application's own settings; each also reads from the environment (SYLLABUS_CONTENT_DIR, ...). */
@ConfigMapping(prefix = "syllabus")
public interface SyllabusConfig {

    Content content();

    /** The course served at {@code /api/agenda}. */
    @WithDefault("ml-in-production")
    String defaultCourse();

    interface Content {
        /** A folder with one sub-folder per course, read after the built-in content; a course here replaces a built-in one. */
        Optional<String> dir();
    }
}
