package dev.syllabus.content;

/** A titled block of Markdown the importer has no structure for; kept rather than dropped. */
public record Section(String title, String body) {}
