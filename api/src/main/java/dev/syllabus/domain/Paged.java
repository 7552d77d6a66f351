package dev.syllabus.domain;

import java.util.List;

/** One page of a list, and how long the whole list is (for the paging headers). */
public record Paged<T>(List<T> items, long total) {}
