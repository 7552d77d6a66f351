package dev.syllabus.account;

/** What an account may do. Security roles carry the same names. */
public enum Role {
    STUDENT,
    INSTRUCTOR;

    /** The role of read-only integration tokens: an instructor's reads, no writes. */
    public static final String READER = "READER";
}
