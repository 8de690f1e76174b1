package cn.opencredit.gateway.seed;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import cn.opencredit.gateway.creditlist.ListType;
import cn.opencredit.gateway.creditlist.RemovalReason;
import cn.opencredit.gateway.record.PublicationPeriods;
import cn.opencredit.gateway.record.Severity;
import cn.opencredit.gateway.subject.SubjectType;

/**
 * Invents a subject's memberships of the red, black, watch, abnormal-operation and dishonest-debtor
 * lists, current or past, each kept by the authority of the subject's region that keeps that list.
 * A subject's entries come from its own stream ({@link RandomStreams#forListEntries}), so they can be
 * made again from the subject alone.
 */
final class SyntheticListEntries {

    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    // As creditlist caps expiries: the black list stands for serious failings, the watch list for general ones.
    private static final Severity BLACK_LIST_FAILING = Severity.SERIOUS;
    private static final Severity WATCH_LIST_FAILING = Severity.GENERAL;

    private final RandomStreams streams;
    private final Departments departments;
    private final PastDays pastDays;

    SyntheticListEntries(RandomStreams streams, Departments departments, PastDays pastDays) {
        this.streams = streams;
        this.departments = departments;
        this.pastDays = pastDays;
    }

    /** The list memberships of a subject, current or past; most subjects have none. */
    List<ListEntryRow> of(SubjectRow subject) {
        if (subject.type() == SubjectType.GOVERNMENT_BODY) {
            return List.of();
        }
        RandomGenerator random = streams.forListEntries(subject.id());
        // Shares per 100 000 subjects: black 0.5 %, dishonest debtors 0.5 %, abnormal 3 %, watch 1 %, red 2 %.
        boolean black = random.nextInt(100_000) < 500;
        boolean dishonest = subject.type() != SubjectType.PUBLIC_INSTITUTION && random.nextInt(100_000) < 500;
        boolean abnormal = GeneratedSubjectTypes.isMarket(subject.type()) && random.nextInt(100_000) < 3_000;
        boolean watch = random.nextInt(100_000) < 1_000;
        boolean red = random.nextInt(100_000) < 2_000 && !(black || dishonest || abnormal || watch);
        if (!(black || dishonest || abnormal || watch || red)) {
            return List.of();
        }
        Map<DepartmentKind, Department> authorities = departments.inRegion(subject.region());
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
        LocalDate day = pastDays.within(years * 365, subject.registeredOn(), 0, random);
        LocalTime time = LocalTime.of(8, 30).plusSeconds(random.nextInt(9 * 3_600));
        return OffsetDateTime.of(day, time, CHINA);
    }

    /** A removal some days after {@code from} (and before expiry), or none if that day has not come yet. */
    private Removal removal(OffsetDateTime from, OffsetDateTime expires, RemovalReason reason, String note,
                            RandomGenerator random) {
        OffsetDateTime at = from.plusDays(10 + random.nextInt(400)).plusMinutes(random.nextInt(240));
        if ((expires != null && !at.isBefore(expires)) || at.toLocalDate().isAfter(pastDays.referenceDate())) {
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
        if (!expires.toLocalDate().isAfter(pastDays.referenceDate())) {
            return random.nextInt(100) < 60 ? new Removal(expires, RemovalReason.EXPIRED, "公示期届满，自动移出") : null;
        }
        return random.nextInt(100) < repairedPercent
                ? removal(repairableFrom, expires, RemovalReason.REPAIRED, "失信主体已纠正失信行为、履行相关义务并作出信用承诺，经认定部门审核同意信用修复", random)
                : null;
    }
}
