package dev.syllabus.content;

public record Tool(String name, String url) {}
