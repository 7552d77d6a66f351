package dev.syllabus.content;

import java.util.IdentityHashMap;
import java.util.Map;

/** Where each parsed week, homework, task and link was written, so checks can point at the line. */
public final class Locations {

    record Where(String file, int line) {}

    private final Map<Object, Where> places = new IdentityHashMap<>();

    void put(Object element, String file, int line) {
        places.put(element, new Where(file, line));
    }

    void copy(Object from, Object to) {
        Where where = places.get(from);
        if (where != null) {
            places.put(to, where);
        }
    }

    ContentIssue issue(Object element, String fallbackFile, String message) {
        Where where = places.get(element);
        return where == null
                ? new ContentIssue(fallbackFile, 0, message)
                : new ContentIssue(where.file(), where.line(), message);
    }
}
