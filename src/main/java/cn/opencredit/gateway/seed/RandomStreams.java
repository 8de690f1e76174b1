package cn.opencredit.gateway.seed;

import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The random streams the generators draw from: one per subject id and per generator, each seeded
 * from (seed, reference date, id, generator) alone. A row is therefore produced without producing
 * the rows before it, and no generator takes numbers from another's stream: a change in how one of
 * them draws leaves the others' streams as they were.
 */
final class RandomStreams {

    private static final long SUBJECT_STREAM = 0x5EED_0001L;
    private static final long RECORD_STREAM = 0x5EED_0002L;
    private static final long LIST_ENTRY_STREAM = 0x5EED_0003L;

    private final long seed;
    private final LocalDate referenceDate;

    RandomStreams(long seed, LocalDate referenceDate) {
        this.seed = seed;
        this.referenceDate = referenceDate;
    }

    RandomGenerator forSubject(long id) {
        return stream(id, SUBJECT_STREAM);
    }

    RandomGenerator forRecords(long subjectId) {
        return stream(subjectId, RECORD_STREAM);
    }

    RandomGenerator forListEntries(long subjectId) {
        return stream(subjectId, LIST_ENTRY_STREAM);
    }

    /** Stafford's mix 13, the finaliser SplittableRandom itself uses: spreads nearby inputs over all 64 bits. */
    static long mix(long value) {
        long z = (value ^ (value >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private RandomGenerator stream(long id, long stream) {
        return new SplittableRandom(mix(seed + mix(id * 0x9E3779B97F4A7C15L + stream) + referenceDate.toEpochDay()));
    }
}
