package cn.opencredit.gateway.seed;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import cn.opencredit.gateway.record.DisclosureLevel;
import cn.opencredit.gateway.record.PublicationPeriods;
import cn.opencredit.gateway.record.RecordCategory;
import cn.opencredit.gateway.record.RecordStatus;
import cn.opencredit.gateway.record.Severity;
import cn.opencredit.gateway.seed.RecordTemplates.Action;
import cn.opencredit.gateway.seed.RecordTemplates.Licence;
import cn.opencredit.gateway.seed.RecordTemplates.Penalty;
import cn.opencredit.gateway.seed.RecordTemplates.Template;
import cn.opencredit.gateway.subject.SubjectType;

/**
 * Invents the credit records about a subject: licences, penalties and the other administrative
 * actions, each from a department of the subject's region, decided within the last three years and
 * reported a few days later. A subject's records come from its own stream
 * ({@link RandomStreams#forRecords}), so they can be made again from the subject alone.
 */
final class SyntheticCreditRecords {

    /** Records per subject are capped so that the two-digit ordinal in a source record id never overflows. */
    static final int MAX_RECORDS_PER_SUBJECT = 60;

    private static final int DAYS_OF_RECORDS = 3 * 365;

    private static final Weighted<Severity> SEVERITIES = Weighted.<Severity>builder()
            .add(Severity.MINOR, 55).add(Severity.GENERAL, 35).add(Severity.SERIOUS, 10).build();
    private static final Weighted<DisclosureLevel> DISCLOSURE_LEVELS = Weighted.<DisclosureLevel>builder()
            .add(DisclosureLevel.PUBLIC, 930).add(DisclosureLevel.AUTHORISED, 50).add(DisclosureLevel.GOVERNMENT, 20)
            .build();
    // Failings may be repaired; facts that are not failings only get corrected, disputed or revoked now and then.
    private static final Weighted<RecordStatus> FAILING_STATUSES = Weighted.<RecordStatus>builder()
            .add(RecordStatus.PUBLISHED, 880).add(RecordStatus.REPAIRED, 80)
            .add(RecordStatus.DISPUTED, 15).add(RecordStatus.CORRECTED, 15)
            .add(RecordStatus.REVOKED, 10).build();
    private static final Weighted<RecordStatus> FACT_STATUSES = Weighted.<RecordStatus>builder()
            .add(RecordStatus.PUBLISHED, 975).add(RecordStatus.CORRECTED, 15)
            .add(RecordStatus.DISPUTED, 5).add(RecordStatus.REVOKED, 5).build();

    private final RandomStreams streams;
    private final Departments departments;
    private final PastDays pastDays;
    private final double recordsPerSubject;

    /** @param recordsPerSubject the average number of credit records per subject */
    SyntheticCreditRecords(RandomStreams streams, Departments departments, PastDays pastDays, double recordsPerSubject) {
        if (recordsPerSubject < 0) {
            throw new IllegalArgumentException("records per subject must not be negative: " + recordsPerSubject);
        }
        this.streams = streams;
        this.departments = departments;
        this.pastDays = pastDays;
        this.recordsPerSubject = recordsPerSubject;
    }

    /** The credit records about a subject, at most {@value #MAX_RECORDS_PER_SUBJECT}. */
    List<CreditRecordRow> of(SubjectRow subject) {
        RandomGenerator random = streams.forRecords(subject.id());
        // An exponential activity factor makes most subjects quiet and a few busy, around the configured mean.
        double mean = recordsPerSubject * recordShare(subject.type()) * -Math.log(1 - random.nextDouble());
        int count = poisson(Math.min(mean, MAX_RECORDS_PER_SUBJECT), random);
        count = Math.min(count, MAX_RECORDS_PER_SUBJECT);
        if (count == 0) {
            return List.of();
        }
        List<CreditRecordRow> rows = new ArrayList<>(count);
        for (int ordinal = 1; ordinal <= count; ordinal++) {
            Template template = RecordChoices.pick(subject.type(), subject.industrySection(), random);
            rows.add(record(subject, ordinal, template, random));
        }
        return rows;
    }

    private CreditRecordRow record(SubjectRow subject, int ordinal, Template template, RandomGenerator random) {
        Department source = departments.inRegion(subject.region()).get(template.department());
        int lag = reportingLag(random);
        LocalDate decided = pastDays.within(DAYS_OF_RECORDS, subject.registeredOn(), lag, random);
        LocalDate reported = decided.plusDays(lag);
        if (reported.isAfter(pastDays.referenceDate())) {
            reported = pastDays.referenceDate();
        }
        String sourceRecordId = sourceRecordId(decided, subject.id(), ordinal);
        DisclosureLevel disclosure = DISCLOSURE_LEVELS.pick(random);
        return switch (template) {
            case Licence licence -> licenceRecord(subject, licence, source, sourceRecordId, decided, reported, disclosure, random);
            case Penalty penalty -> penaltyRecord(subject, penalty, source, sourceRecordId, decided, reported, disclosure, random);
            case Action action -> actionRecord(subject, action, source, sourceRecordId, decided, reported, disclosure, random);
        };
    }

    private CreditRecordRow licenceRecord(SubjectRow subject, Licence licence, Department source, String sourceRecordId,
                                          LocalDate decided, LocalDate reported, DisclosureLevel disclosure,
                                          RandomGenerator random) {
        String number = licence.numberPattern().startsWith("USCC")
                ? subject.uscc() + licence.numberPattern().substring(4)
                : licence.numberPattern() + subject.region().code() + serial(random, 7);
        String validity = licence.validYears() == 0
                ? "长期"
                : decided + "至" + decided.plusYears(licence.validYears()).minusDays(1);
        String content = "许可类别：" + licence.licenceClass() + "；许可证书名称：" + licence.certificate() + "；许可编号：" + number
                + "；许可内容：" + licence.scope() + "；有效期：" + validity;
        return new CreditRecordRow(subject.id(), RecordCategory.LICENCE, source, sourceRecordId,
                documentNumber(source, "许", decided, random), licence.certificate(), decided, reported, content,
                licence.legalBasis(), null, null, null, disclosure, decided, null, factStatus(random), null);
    }

    private CreditRecordRow penaltyRecord(SubjectRow subject, Penalty penalty, Department source, String sourceRecordId,
                                          LocalDate decided, LocalDate reported, DisclosureLevel disclosure,
                                          RandomGenerator random) {
        Severity severity = SEVERITIES.pick(random);
        BigDecimal fine = switch (severity) {
            case MINOR -> random.nextInt(100) < 45 ? null : amount(200, 5_000, random);
            case GENERAL -> amount(2_000, 50_000, random);
            case SERIOUS -> amount(50_000, 500_000, random);
        };
        String measures = switch (severity) {
            case MINOR -> fine == null ? "警告" : "罚款";
            case GENERAL -> random.nextBoolean() ? "罚款" : "罚款；没收违法所得";
            case SERIOUS -> Vocabulary.pick(List.of("罚款；没收违法所得", "罚款；责令停产停业", "罚款；吊销许可证件"), random);
        };
        String content = "违法行为类型：" + penalty.offence() + "；违法事实：" + penalty.facts() + "；处罚类别：" + measures
                + "；处罚内容：" + (fine == null ? "给予警告" : "罚款人民币" + fine.toPlainString() + "元");
        // Generated without an end of their own, penalties get what every write path gives such a failing: its longest period.
        LocalDate publishedUntil = PublicationPeriods.window(severity, decided, null).until();
        LocalDate repairableFrom = PublicationPeriods.repairableFrom(severity, decided);
        RecordStatus status = FAILING_STATUSES.pick(random);
        if (status == RecordStatus.REPAIRED && repairableFrom.isAfter(pastDays.referenceDate())) {
            status = RecordStatus.PUBLISHED;
        }
        return new CreditRecordRow(subject.id(), RecordCategory.PENALTY, source, sourceRecordId,
                documentNumber(source, "罚", decided, random), "行政处罚决定书（" + penalty.offence() + "）", decided,
                reported, content, penalty.legalBasis(), severity, fine, fine == null ? null : "CNY", disclosure, decided,
                publishedUntil, status, null);
    }

    private CreditRecordRow actionRecord(SubjectRow subject, Action action, Department source, String sourceRecordId,
                                         LocalDate decided, LocalDate reported, DisclosureLevel disclosure,
                                         RandomGenerator random) {
        RecordCategory category = action.category();
        boolean yearly = category == RecordCategory.TAX_CREDIT_GRADE || category == RecordCategory.INDUSTRY_RATING;
        // A grade assesses the year before the one it is published in.
        int assessedYear = decided.getYear() - 1;
        String title = yearly ? assessedYear + "年度" + action.title() : action.title();
        StringBuilder content = new StringBuilder(96);
        if (yearly) {
            content.append("评价年度：").append(assessedYear).append('；');
        }
        content.append(action.detail());
        String outcome = action.outcomes() == null ? null : action.outcomes().pick(random);
        if (outcome != null) {
            content.append('；').append(action.outcomeLabel()).append('：').append(outcome);
        }
        BigDecimal amount = action.maxYuan() == 0 ? null : amount(action.minYuan(), action.maxYuan(), random);
        String number;
        if (action.documentMark() == null) {
            number = null;
        } else if (category == RecordCategory.JUDICIAL) {
            number = "（" + decided.getYear() + "）" + subject.region().courtCode() + action.documentMark()
                    + (1 + random.nextInt(9_999)) + "号";
        } else {
            number = documentNumber(source, action.documentMark(), decided, random);
        }
        LocalDate publishedUntil = switch (category) {
            case TAX_CREDIT_GRADE, INDUSTRY_RATING -> decided.plusYears(1);
            case HONOUR -> decided.plusYears(2);
            default -> null;
        };
        RecordStatus status = category == RecordCategory.COERCION || category == RecordCategory.JUDICIAL
                ? failingStatusWithoutRepair(random)
                : factStatus(random);
        return new CreditRecordRow(subject.id(), category, source, sourceRecordId, number, title, decided, reported,
                content.toString(), action.legalBasis(), null, amount, amount == null ? null : "CNY", disclosure,
                decided, publishedUntil, status, yearly ? outcome : null);
    }

    // Coercive measures and judgments are failings too, but repair under the 办法 applies to penalties and lists.
    private static RecordStatus failingStatusWithoutRepair(RandomGenerator random) {
        RecordStatus status = FAILING_STATUSES.pick(random);
        return status == RecordStatus.REPAIRED ? RecordStatus.PUBLISHED : status;
    }

    private static RecordStatus factStatus(RandomGenerator random) {
        return FACT_STATUSES.pick(random);
    }

    // 双公示 is due within 7 working days: most records arrive in 1-9 calendar days, some later, a few very late.
    private static int reportingLag(RandomGenerator random) {
        int draw = random.nextInt(100);
        if (draw < 85) {
            return 1 + random.nextInt(9);
        }
        if (draw < 97) {
            return 10 + random.nextInt(6);
        }
        return 16 + random.nextInt(30);
    }

    // Unique per department because (subject id, ordinal) is unique over the whole data set.
    private static String sourceRecordId(LocalDate decided, long subjectId, int ordinal) {
        StringBuilder id = new StringBuilder(18).append(decided.getYear());
        String subject = Long.toString(subjectId);
        id.append("0".repeat(Math.max(0, 10 - subject.length()))).append(subject);
        if (ordinal < 10) {
            id.append('0');
        }
        return id.append(ordinal).toString();
    }

    private static String documentNumber(Department source, String mark, LocalDate decided, RandomGenerator random) {
        return source.documentPrefix() + mark + "〔" + decided.getYear() + "〕" + (1 + random.nextInt(999)) + "号";
    }

    /** A yuan amount, log-uniform in [min, max]: small fines are common, large ones rare. Mostly whole hundreds. */
    private static BigDecimal amount(long minYuan, long maxYuan, RandomGenerator random) {
        double yuan = minYuan * Math.pow((double) maxYuan / minYuan, random.nextDouble());
        long cents;
        if (random.nextInt(4) == 0) {
            cents = (long) (yuan * 100);
        } else {
            long step = yuan >= 1_000 ? 100 : 10;
            cents = Math.max(minYuan, Math.round(yuan / step) * step) * 100;
        }
        return BigDecimal.valueOf(Math.min(cents, maxYuan * 100), 2);
    }

    private static String serial(RandomGenerator random, int digits) {
        String number = Long.toString(random.nextLong((long) Math.pow(10, digits)));
        return "0".repeat(digits - number.length()) + number;
    }

    private static int poisson(double mean, RandomGenerator random) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            count++;
            product *= random.nextDouble();
        }
        return count;
    }

    private static double recordShare(SubjectType type) {
        // Relative activity per type, normalised so that the weighted mean over SyntheticSubjects' type mix is 1.
        double share = switch (type) {
            case ENTERPRISE -> 1.2;
            case INDIVIDUAL_BUSINESS -> 0.6;
            case FARMERS_COOPERATIVE -> 0.8;
            case SOCIAL_ORGANISATION -> 0.6;
            case PUBLIC_INSTITUTION -> 0.9;
            case GOVERNMENT_BODY -> 0.3;
            case OTHER_ORGANISATION, NATURAL_PERSON -> throw new IllegalArgumentException(type + " is not generated");
        };
        return share / 0.9965;
    }
}
