package dev.syllabus.progress.checklist;

import java.util.Map;
import java.util.Optional;

/**
 * Whether anyone has proven that a student's registered repository is theirs; implemented where
 * the repositories are kept. GitHub evidence from an unproven repository is labelled as such
 * wherever it shows (checklist, cohort, its CSV, gradebook notes).
 */
public interface RepositoryOwners {

    /** Each enrolled student's registered repository in the course, by account id. */
    Map<Long, RepositoryOwner> ofCourse(long courseId);

    /** One student's registered repository in the course, if any. */
    Optional<RepositoryOwner> of(long courseId, long accountId);

    enum Proof {
        PROVEN,
        CONFIRMED,
        UNPROVEN,
        REJECTED
    }

    record RepositoryOwner(String fullName, Proof proof) {

        /** A note for gradebooks and CSVs where ticks from GitHub rest on this repository, else empty. */
        public String note() {
            return switch (proof) {
                case UNPROVEN -> "GitHub evidence from " + fullName + ", whose owner nobody has proven";
                case REJECTED -> "Repository " + fullName + " rejected by an instructor";
                default -> "";
            };
        }

        /**
         * The rule: an instructor's decision stands; else the repository is proven where GitHub proved
         * the student's login and that login owns it.
         *
         * @param decision CONFIRMED, REJECTED or null (none)
         */
        public static Proof proof(String decision, boolean studentLinked, String owner, String studentLogin) {
            if (decision != null) {
                return Proof.valueOf(decision);
            }
            return studentLinked && owner.equalsIgnoreCase(studentLogin) ? Proof.PROVEN : Proof.UNPROVEN;
        }
    }
}
