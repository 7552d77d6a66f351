package dev.syllabus.content;

public record Task(String id, String code, TaskKind kind, String title, boolean optional) {}
