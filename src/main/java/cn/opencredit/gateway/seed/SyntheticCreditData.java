package cn.opencredit.gateway.seed;

import java.time.LocalDate;

/**
 * The three generators of one synthetic data set, sharing its random streams, its departments and
 * its reference date.
 * <p>
 * Every row is a pure function of (seed, reference date, subject id): a subject comes from its own
 * stream, and its records and list entries from two further streams of the same id, made again from
 * the subject alone. So a loader can stream the subjects first and regenerate them later for their
 * records and list entries, in bounded memory.
 *
 * @param subjects    subjects by id
 * @param records     the credit records of a subject
 * @param listEntries the list entries of a subject
 * @param departments the authorities records and list entries name
 */
record SyntheticCreditData(SyntheticSubjects subjects, SyntheticCreditRecords records, SyntheticListEntries listEntries,
                           Departments departments) {

    /**
     * @param seed              any value; the same seed and reference date always give the same rows
     * @param referenceDate     the "today" every generated date lies on or before
     * @param recordsPerSubject the average number of credit records per subject
     */
    static SyntheticCreditData of(long seed, LocalDate referenceDate, double recordsPerSubject) {
        RandomStreams streams = new RandomStreams(seed, referenceDate);
        // The codes' key depends on the seed alone, so departments keep their codes whatever the reference date.
        SyntheticUscc usccs = new SyntheticUscc(RandomStreams.mix(seed ^ 0x05CC_05CCL));
        Departments departments = new Departments(usccs);
        PastDays pastDays = new PastDays(referenceDate);
        return new SyntheticCreditData(new SyntheticSubjects(streams, usccs, referenceDate),
                new SyntheticCreditRecords(streams, departments, pastDays, recordsPerSubject),
                new SyntheticListEntries(streams, departments, pastDays), departments);
    }
}
