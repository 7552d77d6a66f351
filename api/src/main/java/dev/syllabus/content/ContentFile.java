package dev.syllabus.content;

/** One source file of a course, named as authors see it in messages (for example {@code ml-in-production/week-3.md}). */
public record ContentFile(String name, String text) {

    /** The file name without its folder. */
    public String baseName() {
        return name.substring(name.lastIndexOf('/') + 1);
    }
}
