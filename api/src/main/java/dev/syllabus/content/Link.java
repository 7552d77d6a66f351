package dev.syllabus.content;

public record Link(String title, String url) {}
