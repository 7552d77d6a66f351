package dev.syllabus.domain;

import java.sql.SQLException;

/** What the database says when two writers met: a unique key taken meanwhile, a serialization failure or a deadlock. */
public final class ConcurrentChanges {

    private ConcurrentChanges() {}

    /** Whether {@code e} (or a cause) is the database refusing a change another transaction made first. */
    public static boolean caused(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState() == null ? "" : sql.getSQLState();
                if (state.equals("23505") || state.equals("40001") || state.equals("40P01")) {
                    return true;
                }
            }
        }
        return false;
    }
}
