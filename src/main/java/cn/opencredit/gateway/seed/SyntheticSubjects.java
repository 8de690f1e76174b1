package cn.opencredit.gateway.seed;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.random.RandomGenerator;

import cn.opencredit.gateway.seed.Vocabulary.LocalOffice;
import cn.opencredit.gateway.seed.Vocabulary.Word;
import cn.opencredit.gateway.subject.SubjectStatus;
import cn.opencredit.gateway.subject.SubjectType;

/**
 * Invents credit subjects: name, type, region, registration and a valid USCC issued from the id.
 * Each subject is drawn from its own stream ({@link RandomStreams#forSubject}), so subject N is made
 * without making subjects 1 … N-1, and nothing is kept between calls.
 */
final class SyntheticSubjects {

    private static final Weighted<Region> REGIONS = weightedRegions();

    /** The type mix; {@link SyntheticCreditRecords} weighs record activity per type against it. */
    private static final Weighted<SubjectType> TYPES = Weighted.<SubjectType>builder()
            .add(SubjectType.ENTERPRISE, 6_400).add(SubjectType.INDIVIDUAL_BUSINESS, 2_800).add(SubjectType.FARMERS_COOPERATIVE, 400)
            .add(SubjectType.SOCIAL_ORGANISATION, 150).add(SubjectType.PUBLIC_INSTITUTION, 200).add(SubjectType.GOVERNMENT_BODY, 50)
            .build();

    private final RandomStreams streams;
    private final SyntheticUscc usccs;
    private final LocalDate referenceDate;

    SyntheticSubjects(RandomStreams streams, SyntheticUscc usccs, LocalDate referenceDate) {
        this.streams = streams;
        this.usccs = usccs;
        this.referenceDate = referenceDate;
    }

    /** The subject with this id; ids run from 1 and every id below 2^31 gives a different USCC. */
    SubjectRow subject(long id) {
        RandomGenerator random = streams.forSubject(id);
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

    private static Weighted<Region> weightedRegions() {
        Weighted.Builder<Region> builder = Weighted.builder();
        Region.ALL.forEach(region -> builder.add(region, region.weight()));
        return builder.build();
    }
}
