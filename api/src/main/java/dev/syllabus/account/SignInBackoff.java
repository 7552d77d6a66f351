package dev.syllabus.account;

import java.time.Duration;
import java.time.Instant;

/**
 * How long one client address waits before its next guess at one login: nothing for the first
 * {@code freeFailures} failures, then {@code base}, doubling with each further failure up to
 * {@code max}. A success forgets the failures. Pure: {@link LoginThrottle} keeps one state per
 * login and address, so an attacker slows only themselves, never the account's owner elsewhere.
 */
public record SignInBackoff(int freeFailures, Duration base, Duration max) {

    /** The failures of one address at one login, and when it may try again (null: now). */
    public record State(int failures, Instant blockedUntil) {
        public static final State CLEAN = new State(0, null);
    }

    public SignInBackoff {
        if (freeFailures < 1 || base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("needs at least one free failure and 0 < base <= max");
        }
    }

    /** When the state may try again, or null when it may now. */
    public Instant blockedUntil(State state, Instant now) {
        return state.blockedUntil() != null && state.blockedUntil().isAfter(now) ? state.blockedUntil() : null;
    }

    /** The state after one more failure at {@code now}. */
    public State failed(State state, Instant now) {
        int failures = state.failures() == Integer.MAX_VALUE ? state.failures() : state.failures() + 1;
        if (failures < freeFailures) {
            return new State(failures, null);
        }
        return new State(failures, now.plus(wait(failures - freeFailures)));
    }

    /** The wait after the {@code n}-th failure past the free ones (0 for the first). */
    Duration wait(int n) {
        Duration wait = base;
        for (int i = 0; i < n && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
