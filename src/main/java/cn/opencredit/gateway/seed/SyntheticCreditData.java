package cn.opencredit.gateway.seed;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import cn.opencredit.gateway.creditlist.ListType;
import cn.opencredit.gateway.creditlist.RemovalReason;
import cn.opencredit.gateway.record.DisclosureLevel;
import cn.opencredit.gateway.record.PublicationPeriods;
import cn.opencredit.gateway.record.RecordCategory;
import cn.opencredit.gateway.record.RecordStatus;
import cn.opencredit.gateway.record.Severity;
import cn.opencredit.gateway.seed.RecordTemplates.Action;
import cn.opencredit.gateway.seed.RecordTemplates.Licence;
import cn.opencredit.gateway.seed.RecordTemplates.Penalty;
import cn.opencredit.gateway.seed.RecordTemplates.Template;
import cn.opencredit.gateway.seed.Vocabulary.LocalOffice;
import cn.opencredit.gateway.seed.Vocabulary.Word;
import cn.opencredit.gateway.subject.SubjectStatus;
import cn.opencredit.gateway.subject.SubjectType;

/**
 * Invents credit subjects with their records and list entries, reproducibly.
 * <p>
 * Every subject is a pure function of (seed, reference date, id): its own random stream is seeded
 * from the three, so row N is produced without producing rows 1 … N-1 and nothing is kept between
 * calls. Records and list entries of a subject come from two further streams of the same id, so a
 * loader can stream subjects first and regenerate them later for their records, in bounded memory.
 */
final class SyntheticCreditData {

    static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    /** Records per subject are capped so that the two-digit ordinal in a source record id never overflows. */
    static final int MAX_RECORDS_PER_SUBJECT = 60;

    private static final int DAYS_OF_RECORDS = 3 * 365;

    private static final long SUBJECT_STREAM = 0x5EED_0001L;
    private static final long RECORD_STREAM = 0x5EED_0002L;
    private static final long LIST_STREAM = 0x5EED_0003L;

    private static final Weighted<Region> REGIONS = weightedRegions();

    private static final Weighted<SubjectType> TYPES = Weighted.<SubjectType>builder()
            .add(SubjectType.ENTERPRISE, 6_400).add(SubjectType.INDIVIDUAL_BUSINESS, 2_800).add(SubjectType.FARMERS_COOPERATIVE, 400)
            .add(SubjectType.SOCIAL_ORGANISATION, 150).add(SubjectType.PUBLIC_INSTITUTION, 200).add(SubjectType.GOVERNMENT_BODY, 50)
            .build();

    private static final Map<RecordCategory, Integer> CATEGORY_WEIGHTS = categoryWeights();

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

    private final long seed;
    private final LocalDate referenceDate;
    private final double recordsPerSubject;
    private final SyntheticUscc usccs;
    private final Map<String, Map<DepartmentKind, Department>> departmentsByRegion;
    private final RecordChoice[] recordChoices = new RecordChoice[SubjectType.values().length * 32];

    /**
     * @param seed              any value; the same seed and reference date always give the same rows
     * @param referenceDate     the "today" every generated date lies on or before
     * @param recordsPerSubject the average number of credit records per subject
     */
    SyntheticCreditData(long seed, LocalDate referenceDate, double recordsPerSubject) {
        if (recordsPerSubject < 0) {
            throw new IllegalArgumentException("records per subject must not be negative: " + recordsPerSubject);
        }
        this.seed = seed;
        this.referenceDate = referenceDate;
        this.recordsPerSubject = recordsPerSubject;
        this.usccs = new SyntheticUscc(mix(seed ^ 0x05CC_05CCL));
        this.departmentsByRegion = departments(usccs);
        for (SubjectType type : GeneratedSubjectTypes.ALL) {
            for (char section = 'A'; section <= 'T'; section++) {
                recordChoices[choiceKey(type, section)] = new RecordChoice(type, section);
            }
        }
    }

    LocalDate referenceDate() {
        return referenceDate;
    }

    /** Every department of every region, the authorities records and list entries name. */
    List<Department> departments() {
        List<Department> all = new ArrayList<>();
        departmentsByRegion.values().forEach(byKind -> all.addAll(byKind.values()));
        return all;
    }

    /** The subject with this id; ids run from 1 and every id below 2^31 gives a different USCC. */
    SubjectRow subject(long id) {
        RandomGenerator random = streamFor(id, SUBJECT_STREAM);
        Region region = REGIONS.pick(random);
        SubjectType type = TYPES.pick(random);
        String town = Vocabulary.pick(region.towns(), random);
        Identity identity = switch (type) {
            case ENTERPRISE -> enterprise(region, random);
            case INDIVIDUAL_BUSINESS -> individualBusiness(region, town, random);
            case FARMERS_COOPERATIVE -> cooperative(region, town, random);
            case SOCIAL_ORGANISATION -> socialOrganisation(region, town, random);
            case PUBLIC_INSTITUTION -> publicInstitution(region, town, random);
            case GOVERNMENT_BODY -> governmentBody(region, town, random);
            case OTHER_ORGANISATION, NATURAL_PERSON -> throw new IllegalArgumentException(type + " is not generated");
        };
        return new SubjectRow(id, usccs.issue(identity.authorityAndType(), region.code(), id), identity.name(), type,
                Vocabulary.personName(random), region, identity.section(), registeredOn(type, random),
                status(type, random), registeredCapital(type, identity, random),
                address(region, town, type, identity.section(), random));
    }

    /** The credit records about a subject, at most {@value #MAX_RECORDS_PER_SUBJECT}. */
    List<CreditRecordRow> records(SubjectRow subject) {
        RandomGenerator random = streamFor(subject.id(), RECORD_STREAM);
        // An exponential activity factor makes most subjects quiet and a few busy, around the configured mean.
        double mean = recordsPerSubject * recordShare(subject.type()) * -Math.log(1 - random.nextDouble());
        int count = poisson(Math.min(mean, MAX_RECORDS_PER_SUBJECT), random);
        count = Math.min(count, MAX_RECORDS_PER_SUBJECT);
        if (count == 0) {
            return List.of();
        }
        RecordChoice choice = recordChoices[choiceKey(subject.type(), subject.industrySection())];
        List<CreditRecordRow> rows = new ArrayList<>(count);
        for (int ordinal = 1; ordinal <= count; ordinal++) {
            rows.add(record(subject, ordinal, choice.pick(random), random));
        }
        return rows;
    }

    /** The list memberships of a subject, current or past; most subjects have none. */
    List<ListEntryRow> listEntries(SubjectRow subject) {
        if (subject.type() == SubjectType.GOVERNMENT_BODY) {
            return List.of();
        }
        RandomGenerator random = streamFor(subject.id(), LIST_STREAM);
        // Shares per 100 000 subjects: black 0.5 %, dishonest debtors 0.5 %, abnormal 3 %, watch 1 %, red 2 %.
        boolean black = random.nextInt(100_000) < 500;
        boolean dishonest = subject.type() != SubjectType.PUBLIC_INSTITUTION && random.nextInt(100_000) < 500;
        boolean abnormal = GeneratedSubjectTypes.isMarket(subject.type()) && random.nextInt(100_000) < 3_000;
        boolean watch = random.nextInt(100_000) < 1_000;
        boolean red = random.nextInt(100_000) < 2_000 && !(black || dishonest || abnormal || watch);
        if (!(black || dishonest || abnormal || watch || red)) {
            return List.of();
        }
        Map<DepartmentKind, Department> authorities = departmentsByRegion.get(subject.region().code());
        List<ListEntryRow> entries = new ArrayList<>(2);
        if (red) {
            entries.add(redEntry(subject, authorities, random));
        }
        if (abnormal) {
            entries.add(abnormalEntry(subject, authorities, random));
        }
        if (watch) {
            entries.add(watchEntry(subject, authorities, random));
        }
        if (black) {
            entries.add(blackEntry(subject, authorities, random));
        }
        if (dishonest) {
            entries.add(dishonestDebtorEntry(subject, authorities, random));
        }
        return entries;
    }

    // ---------------------------------------------------------------- subjects

    private record Identity(String name, char section, String authorityAndType) {
    }

    private static Identity enterprise(Region region, RandomGenerator random) {
        String tradeName = Vocabulary.tradeName(random);
        Word industry = Vocabulary.ENTERPRISE_INDUSTRIES.pick(random);
        String form = Vocabulary.ENTERPRISE_FORMS.pick(random);
        String name = random.nextInt(10) == 0
                ? tradeName + "（" + region.namePrefix() + "）" + industry.text() + form
                : region.namePrefix() + tradeName + industry.text() + form;
        return new Identity(name, industry.section(), "91");
    }

    private static Identity individualBusiness(Region region, String town, RandomGenerator random) {
        Word shop = Vocabulary.SHOPS.pick(random);
        String place = random.nextInt(10) < 4 ? region.governmentName() + town : region.governmentName();
        return new Identity(place + Vocabulary.shopName(random) + shop.text(), shop.section(), "92");
    }

    private static Identity cooperative(Region region, String town, RandomGenerator random) {
        String place = random.nextBoolean() ? region.governmentName() + town : region.governmentName();
        String form = random.nextInt(10) < 6 ? "专业合作社" : "农民专业合作社";
        String line = Vocabulary.pick(Vocabulary.COOPERATIVE_LINES, random);
        return new Identity(place + Vocabulary.tradeName(random) + line + form, 'A', "93");
    }

    private static Identity socialOrganisation(Region region, String town, RandomGenerator random) {
        int kind = random.nextInt(100);
        if (kind < 55) {
            String place = random.nextInt(10) < 4 ? region.governmentName() + Region.shortTown(town) : region.governmentName();
            String topic = Vocabulary.pick(Vocabulary.ASSOCIATION_TOPICS, random);
            return new Identity(place + topic + Vocabulary.ASSOCIATION_FORMS.pick(random), 'S', "51");
        }
        if (kind < 95) {
            Word unit = Vocabulary.PRIVATE_NON_ENTERPRISE_UNITS.pick(random);
            return new Identity(region.governmentName() + Vocabulary.tradeName(random) + unit.text(), unit.section(), "52");
        }
        String form = Vocabulary.pick(Vocabulary.FOUNDATION_FORMS, random);
        return new Identity(region.governmentName() + Vocabulary.tradeName(random) + form, 'S', "53");
    }

    private static Identity publicInstitution(Region region, String town, RandomGenerator random) {
        String authority = region.governmentName();
        int kind = random.nextInt(100);
        if (kind < 40) {
            return new Identity(authority + town + Vocabulary.village(random) + "小学", 'P', "12");
        }
        if (kind < 50) {
            String school = Vocabulary.pick(List.of("中学", "高级中学", "实验小学"), random);
            return new Identity(authority + "第" + Vocabulary.numeral(1 + random.nextInt(10)) + school, 'P', "12");
        }
        if (kind < 80) {
            Word institution = Vocabulary.pick(Vocabulary.TOWN_INSTITUTIONS, random);
            return new Identity(authority + town + institution.text(), institution.section(), "12");
        }
        Word institution = Vocabulary.pick(Vocabulary.COUNTY_INSTITUTIONS, random);
        return new Identity(authority + institution.text(), institution.section(), "12");
    }

    // The departments that send records are never generated as subjects: they would need a second USCC.
    private static Identity governmentBody(Region region, String town, RandomGenerator random) {
        String authority = region.governmentName();
        int kind = random.nextInt(100);
        if (kind < 30) {
            String body = town.endsWith("街道") ? "办事处" : "人民政府";
            return new Identity(authority + town + body, 'S', "11");
        }
        if (kind < 70) {
            return new Identity(authority + Vocabulary.pick(Vocabulary.OTHER_BUREAUS, random), 'S', "11");
        }
        LocalOffice office = Vocabulary.pick(Vocabulary.LOCAL_OFFICES, random);
        return new Identity(authority + office.parent() + Region.shortTown(town) + office.office(), 'S', "11");
    }

    // Market subjects skew towards recent years (the number registered each year keeps growing); public bodies are older.
    private LocalDate registeredOn(SubjectType type, RandomGenerator random) {
        double exponent = GeneratedSubjectTypes.isMarket(type) || type == SubjectType.SOCIAL_ORGANISATION ? 1.6 : 0.8;
        long daysAgo = (long) (25 * 365.25 * Math.pow(random.nextDouble(), exponent));
        return referenceDate.minusDays(daysAgo);
    }

    private static SubjectStatus status(SubjectType type, RandomGenerator random) {
        int draw = random.nextInt(1_000);
        if (GeneratedSubjectTypes.isMarket(type)) {
            return draw < 890 ? SubjectStatus.ACTIVE : draw < 950 ? SubjectStatus.CANCELLED : draw < 990 ? SubjectStatus.REVOKED : SubjectStatus.MOVED_OUT;
        }
        return draw < 970 ? SubjectStatus.ACTIVE : draw < 990 ? SubjectStatus.CANCELLED : draw < 995 ? SubjectStatus.REVOKED : SubjectStatus.MOVED_OUT;
    }

    private static final Weighted<Long> ENTERPRISE_CAPITAL = capital(
            10, 8, 30, 8, 50, 14, 100, 22, 200, 12, 300, 8, 500, 12, 800, 3, 1_000, 7, 2_000, 3, 3_000, 2, 5_000, 1, 10_000, 1);
    private static final Weighted<Long> INDIVIDUAL_CAPITAL = capital(1, 10, 2, 10, 3, 15, 5, 20, 8, 8, 10, 15, 20, 10, 30, 7, 50, 5);
    private static final Weighted<Long> COOPERATIVE_CAPITAL = capital(10, 10, 20, 15, 50, 25, 100, 25, 200, 12, 300, 6, 500, 5, 1_000, 2);
    private static final Weighted<Long> ASSOCIATION_CAPITAL = capital(3, 40, 5, 25, 10, 20, 20, 10, 50, 5);
    private static final Weighted<Long> FOUNDATION_CAPITAL = capital(200, 50, 400, 25, 800, 15, 1_000, 10);
    private static final Weighted<Long> INSTITUTION_CAPITAL = capital(5, 10, 10, 15, 30, 20, 50, 20, 100, 15, 300, 10, 500, 5, 1_000, 3, 3_000, 2);

    /** Pairs of (amount in 万元, weight). */
    private static Weighted<Long> capital(long... amountsAndWeights) {
        Weighted.Builder<Long> builder = Weighted.builder();
        for (int i = 0; i < amountsAndWeights.length; i += 2) {
            builder.add(amountsAndWeights[i], (int) amountsAndWeights[i + 1]);
        }
        return builder.build();
    }

    // Amounts are registered in 万元: mostly round figures, now and then an odd one with cents.
    private static BigDecimal registeredCapital(SubjectType type, Identity identity, RandomGenerator random) {
        Weighted<Long> tenThousands = switch (type) {
            case ENTERPRISE -> ENTERPRISE_CAPITAL;
            case INDIVIDUAL_BUSINESS -> INDIVIDUAL_CAPITAL;
            case FARMERS_COOPERATIVE -> COOPERATIVE_CAPITAL;
            case SOCIAL_ORGANISATION -> "53".equals(identity.authorityAndType()) ? FOUNDATION_CAPITAL : ASSOCIATION_CAPITAL;
            case PUBLIC_INSTITUTION -> INSTITUTION_CAPITAL;
            case GOVERNMENT_BODY -> null;
            case OTHER_ORGANISATION, NATURAL_PERSON -> throw new IllegalArgumentException(type + " is not generated");
        };
        if (tenThousands == null) {
            return null;
        }
        long yuan = tenThousands.pick(random) * 10_000;
        if (identity.name().endsWith("股份有限公司")) {
            yuan *= 10;
        }
        if (random.nextInt(100) < 15) {
            long cents = (long) (yuan * 100 * (0.5 + random.nextDouble()));
            return BigDecimal.valueOf(cents, 2);
        }
        return BigDecimal.valueOf(yuan * 100, 2);
    }

    private static String address(Region region, String town, SubjectType type, char section, RandomGenerator random) {
        boolean rural = type == SubjectType.FARMERS_COOPERATIVE
                || (section == 'A' && random.nextBoolean())
                || (type == SubjectType.INDIVIDUAL_BUSINESS && random.nextInt(10) < 3);
        String street = rural
                ? Vocabulary.village(random) + "村" + (1 + random.nextInt(200)) + "号"
                : Vocabulary.road(random);
        return region.addressPrefix() + town + street;
    }

    // ---------------------------------------------------------------- records

    /** The record kinds open to one (subject type, industry section): category by weight, then a template of it. */
    private static final class RecordChoice {
        private final Weighted<RecordCategory> categories;
        private final Map<RecordCategory, List<Template>> templates = new EnumMap<>(RecordCategory.class);

        RecordChoice(SubjectType type, char section) {
            Weighted.Builder<RecordCategory> builder = Weighted.builder();
            for (RecordCategory category : RecordCategory.values()) {
                List<Template> applicable = RecordTemplates.applicable(category, type, section);
                if (!applicable.isEmpty()) {
                    templates.put(category, applicable);
                    builder.add(category, CATEGORY_WEIGHTS.get(category));
                }
            }
            this.categories = builder.build();
        }

        Template pick(RandomGenerator random) {
            return Vocabulary.pick(templates.get(categories.pick(random)), random);
        }
    }

    private CreditRecordRow record(SubjectRow subject, int ordinal, Template template, RandomGenerator random) {
        Department source = departmentsByRegion.get(subject.region().code()).get(template.department());
        int lag = reportingLag(random);
        LocalDate decided = dayWithin(DAYS_OF_RECORDS, subject.registeredOn(), lag, random);
        LocalDate reported = decided.plusDays(lag);
        if (reported.isAfter(referenceDate)) {
            reported = referenceDate;
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
                licence.legalBasis(), null, null, null, disclosure, decided, null, factStatus(random));
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
        if (status == RecordStatus.REPAIRED && repairableFrom.isAfter(referenceDate)) {
            status = RecordStatus.PUBLISHED;
        }
        return new CreditRecordRow(subject.id(), RecordCategory.PENALTY, source, sourceRecordId,
                documentNumber(source, "罚", decided, random), "行政处罚决定书（" + penalty.offence() + "）", decided,
                reported, content, penalty.legalBasis(), severity, fine, fine == null ? null : "CNY", disclosure, decided,
                publishedUntil, status);
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
        if (action.outcomes() != null) {
            content.append('；').append(action.outcomeLabel()).append('：').append(action.outcomes().pick(random));
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
                decided, publishedUntil, status);
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

    /** A day in the {@code days} before the reference date, not before registration, leaving room for the lag. */
    private LocalDate dayWithin(int days, LocalDate registeredOn, int lag, RandomGenerator random) {
        LocalDate earliest = referenceDate.minusDays(days);
        if (registeredOn.isAfter(earliest)) {
            earliest = registeredOn;
        }
        LocalDate latest = referenceDate.minusDays(lag);
        if (!latest.isAfter(earliest)) {
            return earliest;
        }
        return earliest.plusDays(random.nextLong(ChronoUnit.DAYS.between(earliest, latest) + 1));
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

    // ---------------------------------------------------------------- list entries

    private ListEntryRow redEntry(SubjectRow subject, Map<DepartmentKind, Department> authorities, RandomGenerator random) {
        boolean tax = GeneratedSubjectTypes.isMarket(subject.type()) && random.nextBoolean();
        Department authority = authorities.get(tax ? DepartmentKind.TAXATION : DepartmentKind.DEVELOPMENT_AND_REFORM);
        String reason = tax ? "连续三年纳税信用级别为A级" : "被评为诚信建设示范单位，列为守信激励对象";
        String basis = tax
                ? "《纳税信用管理办法》"
                : "《国务院关于建立完善守信联合激励和失信联合惩戒制度加快推进社会诚信建设的指导意见》（国发〔2016〕33号）";
        OffsetDateTime included = inclusionTime(subject, 3, random);
        OffsetDateTime expires = included.plusYears(2);
        Removal removal = random.nextInt(100) < 5
                ? removal(included, expires, RemovalReason.REVOKED, "发生失信行为，撤销守信激励对象认定", random)
                : null;
        return entry(subject, ListType.RED, authority, reason, basis, null, included, expires, removal);
    }

    private static final List<String> ABNORMAL_REASONS = List.of(
            "未依照《企业信息公示暂行条例》第八条规定的期限公示年度报告",
            "未在市场监督管理部门依照《企业信息公示暂行条例》第十条规定责令的期限内公示有关企业信息",
            "公示企业信息隐瞒真实情况、弄虚作假",
            "通过登记的住所或者经营场所无法联系");

    private ListEntryRow abnormalEntry(SubjectRow subject, Map<DepartmentKind, Department> authorities,
                                       RandomGenerator random) {
        int reason = random.nextInt(10) < 7 ? 0 : 1 + random.nextInt(ABNORMAL_REASONS.size() - 1);
        OffsetDateTime included = inclusionTime(subject, 3, random);
        Removal removal = random.nextInt(100) < 40
                ? removal(included, null, RemovalReason.REPAIRED, "已履行公示义务并申请移出，经审核准予移出经营异常名录", random)
                : null;
        return entry(subject, ListType.ABNORMAL, authorities.get(DepartmentKind.MARKET_REGULATION),
                ABNORMAL_REASONS.get(reason), "《企业经营异常名录管理暂行办法》", null, included, null, removal);
    }

    // As creditlist caps expiries: the black list stands for serious failings, the watch list for general ones.
    private static final Severity BLACK_LIST_FAILING = Severity.SERIOUS;
    private static final Severity WATCH_LIST_FAILING = Severity.GENERAL;

    private ListEntryRow watchEntry(SubjectRow subject, Map<DepartmentKind, Department> authorities, RandomGenerator random) {
        DepartmentKind kind = Vocabulary.pick(List.of(DepartmentKind.DEVELOPMENT_AND_REFORM, DepartmentKind.MARKET_REGULATION,
                DepartmentKind.EMERGENCY_MANAGEMENT, DepartmentKind.ECOLOGY), random);
        OffsetDateTime included = inclusionTime(subject, 2, random);
        OffsetDateTime expires = included.plus(PublicationPeriods.longest(WATCH_LIST_FAILING));
        // Repair is open from the inclusion here, not from the shortest period: 18 of the 43 watch entries repaired among
        // the first 100 000 subjects are repaired within it. Starting at the shortest period would change the data set.
        Removal removal = expiredOrRepaired(included, expires, 20, random);
        return entry(subject, ListType.WATCH, authorities.get(kind), "一年内受到两次以上一般失信行为处罚，列入重点关注对象名单",
                "《国务院办公厅关于进一步完善失信约束制度构建诚信建设长效机制的指导意见》（国办发〔2020〕49号）", null, included,
                expires, removal);
    }

    private record BlackListing(DepartmentKind authority, String reason, String legalBasis) {
    }

    private static final List<BlackListing> BLACK_LISTINGS = List.of(
            new BlackListing(DepartmentKind.MARKET_REGULATION, "被列入经营异常名录届满三年仍未履行相关义务",
                    "《市场监督管理严重违法失信名单管理办法》"),
            new BlackListing(DepartmentKind.EMERGENCY_MANAGEMENT, "发生较大生产安全事故，对事故发生负有责任",
                    "《安全生产严重失信主体名单管理办法》"),
            new BlackListing(DepartmentKind.TAXATION, "虚开增值税专用发票，构成重大税收违法失信案件",
                    "《重大税收违法失信主体信息公布管理办法》"),
            new BlackListing(DepartmentKind.HUMAN_RESOURCES, "拖欠农民工工资数额较大，经责令限期支付逾期未支付",
                    "《拖欠农民工工资失信联合惩戒对象名单管理暂行办法》"));

    private ListEntryRow blackEntry(SubjectRow subject, Map<DepartmentKind, Department> authorities, RandomGenerator random) {
        BlackListing listing = Vocabulary.pick(BLACK_LISTINGS, random);
        OffsetDateTime included = inclusionTime(subject, 5, random);
        OffsetDateTime expires = included.plus(PublicationPeriods.longest(BLACK_LIST_FAILING));
        Removal removal;
        if (random.nextInt(100) < 3) {
            removal = removal(included, expires, RemovalReason.REVOKED, "认定依据的行政处罚决定被依法撤销", random);
        } else {
            removal = expiredOrRepaired(included.plus(PublicationPeriods.shortest(BLACK_LIST_FAILING)), expires, 15, random);
        }
        String legalRepresentative = subject.type() == SubjectType.ENTERPRISE ? subject.legalRepresentative() : null;
        return entry(subject, ListType.BLACK, authorities.get(listing.authority()), listing.reason(), listing.legalBasis(),
                legalRepresentative, included, expires, removal);
    }

    private ListEntryRow dishonestDebtorEntry(SubjectRow subject, Map<DepartmentKind, Department> authorities,
                                              RandomGenerator random) {
        OffsetDateTime included = inclusionTime(subject, 4, random);
        OffsetDateTime expires = random.nextInt(10) < 7 ? included.plusYears(2) : null;
        Removal removal = random.nextInt(100) < 35
                ? removal(included, expires, RemovalReason.COURT_DECISION, "被执行人已履行生效法律文书确定的义务，人民法院决定删除失信信息", random)
                : expires == null ? null : expiredOrRepaired(included, expires, 0, random);
        String reason = "有履行能力而拒不履行生效法律文书确定义务；执行案号：（" + included.getYear() + "）"
                + subject.region().courtCode() + "执" + (1 + random.nextInt(9_999)) + "号";
        return entry(subject, ListType.DISHONEST_DEBTOR, authorities.get(DepartmentKind.COURT), reason,
                "《最高人民法院关于公布失信被执行人名单信息的若干规定》第一条", null, included, expires, removal);
    }

    private record Removal(OffsetDateTime at, RemovalReason reason, String note) {
    }

    private static ListEntryRow entry(SubjectRow subject, ListType type, Department authority, String reason,
                                      String legalBasis, String legalRepresentative, OffsetDateTime included,
                                      OffsetDateTime expires, Removal removal) {
        return new ListEntryRow(subject.id(), type, authority, reason, legalBasis, legalRepresentative, included, expires,
                removal == null ? null : removal.at(), removal == null ? null : removal.reason(),
                removal == null ? null : removal.note());
    }

    /** A working-hours moment in the given years before the reference date, not before registration. */
    private OffsetDateTime inclusionTime(SubjectRow subject, int years, RandomGenerator random) {
        LocalDate day = dayWithin(years * 365, subject.registeredOn(), 0, random);
        LocalTime time = LocalTime.of(8, 30).plusSeconds(random.nextInt(9 * 3_600));
        return OffsetDateTime.of(day, time, CHINA);
    }

    /** A removal some days after {@code from} (and before expiry), or none if that day has not come yet. */
    private Removal removal(OffsetDateTime from, OffsetDateTime expires, RemovalReason reason, String note,
                            RandomGenerator random) {
        OffsetDateTime at = from.plusDays(10 + random.nextInt(400)).plusMinutes(random.nextInt(240));
        if ((expires != null && !at.isBefore(expires)) || at.toLocalDate().isAfter(referenceDate)) {
            return null;
        }
        return new Removal(at, reason, note);
    }

    /**
     * Most entries past their expiry are closed as expired, the rest stay, visibly expired; some
     * still running were repaired once repair became possible at {@code repairableFrom}.
     */
    private Removal expiredOrRepaired(OffsetDateTime repairableFrom, OffsetDateTime expires, int repairedPercent,
                                      RandomGenerator random) {
        if (!expires.toLocalDate().isAfter(referenceDate)) {
            return random.nextInt(100) < 60 ? new Removal(expires, RemovalReason.EXPIRED, "公示期届满，自动移出") : null;
        }
        return random.nextInt(100) < repairedPercent
                ? removal(repairableFrom, expires, RemovalReason.REPAIRED, "失信主体已纠正失信行为、履行相关义务并作出信用承诺，经认定部门审核同意信用修复", random)
                : null;
    }

    // ---------------------------------------------------------------- plumbing

    private RandomGenerator streamFor(long id, long stream) {
        return new SplittableRandom(mix(seed + mix(id * 0x9E3779B97F4A7C15L + stream) + referenceDate.toEpochDay()));
    }

    /** Stafford's mix 13, the finaliser SplittableRandom itself uses: spreads nearby inputs over all 64 bits. */
    private static long mix(long value) {
        long z = (value ^ (value >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
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
        // Relative activity per type, normalised so that the weighted mean over the type mix is 1.
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

    private static int choiceKey(SubjectType type, char section) {
        return type.ordinal() * 32 + (section - 'A');
    }

    private static Weighted<Region> weightedRegions() {
        Weighted.Builder<Region> builder = Weighted.builder();
        Region.ALL.forEach(region -> builder.add(region, region.weight()));
        return builder.build();
    }

    private static Map<RecordCategory, Integer> categoryWeights() {
        // Per mille of all records when every category applies; categories a subject cannot have drop out.
        Map<RecordCategory, Integer> weights = new EnumMap<>(RecordCategory.class);
        weights.put(RecordCategory.LICENCE, 380);
        weights.put(RecordCategory.PENALTY, 160);
        weights.put(RecordCategory.INSPECTION, 120);
        weights.put(RecordCategory.TAX_CREDIT_GRADE, 80);
        weights.put(RecordCategory.COMMITMENT, 60);
        weights.put(RecordCategory.HONOUR, 50);
        weights.put(RecordCategory.INDUSTRY_RATING, 40);
        weights.put(RecordCategory.JUDICIAL, 30);
        weights.put(RecordCategory.COERCION, 20);
        weights.put(RecordCategory.REWARD, 18);
        weights.put(RecordCategory.CONFIRMATION, 15);
        weights.put(RecordCategory.LEVY, 10);
        weights.put(RecordCategory.PAYMENT, 8);
        weights.put(RecordCategory.ADJUDICATION, 5);
        weights.put(RecordCategory.COMPENSATION, 4);
        return Collections.unmodifiableMap(weights);
    }

    /** One department of each kind per region, with codes counted down from the top of the serial space. */
    private static Map<String, Map<DepartmentKind, Department>> departments(SyntheticUscc usccs) {
        Map<String, Map<DepartmentKind, Department>> byRegion = new LinkedHashMap<>();
        long serial = SyntheticUscc.SERIALS_PER_ATTEMPT - 1;
        for (Region region : Region.ALL) {
            Map<DepartmentKind, Department> byKind = new EnumMap<>(DepartmentKind.class);
            for (DepartmentKind kind : DepartmentKind.values()) {
                byKind.put(kind, new Department(kind, region, kind.officialName(region),
                        usccs.issue("11", region.code(), serial--),
                        region.documentAbbreviation() + kind.documentAbbreviation()));
            }
            byRegion.put(region.code(), Collections.unmodifiableMap(byKind));
        }
        return Collections.unmodifiableMap(byRegion);
    }
}
