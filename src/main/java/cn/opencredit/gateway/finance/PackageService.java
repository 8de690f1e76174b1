package cn.opencredit.gateway.finance;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

import cn.opencredit.gateway.commitment.CommitmentService;
import cn.opencredit.gateway.commitment.CommitmentView;
import cn.opencredit.gateway.consent.ConsentCategory;
import cn.opencredit.gateway.consent.ConsentPurpose;
import cn.opencredit.gateway.consent.ConsentService;
import cn.opencredit.gateway.creditlist.CreditListService;
import cn.opencredit.gateway.creditlist.ListStanding;
import cn.opencredit.gateway.evaluation.EvaluationService;
import cn.opencredit.gateway.evaluation.EvaluationView;
import cn.opencredit.gateway.finance.PackageView.PaymentSeries;
import cn.opencredit.gateway.profile.ProfileService;
import cn.opencredit.gateway.record.DetailedRecord;
import cn.opencredit.gateway.record.RecordAudience;
import cn.opencredit.gateway.record.RecordCategory;
import cn.opencredit.gateway.record.RecordService;
import cn.opencredit.gateway.shared.audit.ConsentedRead;
import cn.opencredit.gateway.shared.cache.CachedJson;
import cn.opencredit.gateway.shared.cache.ReadThroughCache;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.time.ChinaTime;
import cn.opencredit.gateway.shared.uscc.Uscc;
import cn.opencredit.gateway.subject.SubjectDetails;
import cn.opencredit.gateway.subject.SubjectParts;
import cn.opencredit.gateway.subject.SubjectService;

/**
 * The bank's pull (信易贷): the consent is checked against the database on every pull, so a
 * revocation or an expiry holds for the next pull on every replica; then the sections it covers are
 * read at once, each through its own capability, and the answer is cached per subject, consent
 * (its id and version) and sections, invalidated with the subject's data version.
 */
@Singleton
public class PackageService {

    /** Both finance purposes let a bank pull: assessing the loan, and watching the borrower after it. */
    static final Set<ConsentPurpose> PURPOSES = EnumSet.of(ConsentPurpose.LOAN_APPLICATION, ConsentPurpose.POST_LOAN_MONITORING);

    private final SubjectService subjects;
    private final ConsentService consents;
    private final ProfileService profiles;
    private final EvaluationService evaluations;
    private final RecordService records;
    private final CreditListService lists;
    private final CommitmentService commitments;
    private final ReadThroughCache cache;
    private final PackageConfig config;
    private final Clock clock;

    PackageService(SubjectService subjects, ConsentService consents, ProfileService profiles, EvaluationService evaluations, RecordService records,
            CreditListService lists, CommitmentService commitments, ReadThroughCache cache, PackageConfig config, Clock clock) {
        this.commitments = commitments;
        this.subjects = subjects;
        this.consents = consents;
        this.profiles = profiles;
        this.evaluations = evaluations;
        this.records = records;
        this.lists = lists;
        this.cache = cache;
        this.config = config;
        this.clock = clock;
    }

    /**
     * The package for {@code caller}, as cached JSON: 403 for a caller that is not a bank (or an
     * operator), 400 for an unknown section, 404 for an unknown subject, a consent problem (403) when
     * the consent does not cover what is asked. The consent read under is put on {@code routing}
     * for the access log.
     */
    public Uni<CachedJson> pull(Uscc uscc, String sections, ApiClient caller, RoutingContext routing) {
        Context requestContext = Vertx.currentContext();
        PackagePolicies.readerPolicy(caller).orThrow();
        PackagePolicies.Sections asked = PackagePolicies.sections(sections);
        asked.verdict().orThrow();
        if (ApiClient.OPERATOR_TYPE.equals(caller.type())) {
            Set<ConsentCategory> covered = asked.asked().isEmpty() ? EnumSet.allOf(ConsentCategory.class) : asked.asked();
            return subjects.require(uscc).chain(() -> cached(uscc, covered, null, "operator", requestContext));
        }
        // The subject and the bank's consents about it in one statement: every pull, cached or not, checks the consent.
        SubjectParts read = SubjectParts.of(uscc);
        SubjectParts.Part<ConsentService.Grants> grants = consents.grantsPart(read, caller.consumerId());
        return subjects.read(read).chain(found -> {
            ConsentService.Grant grant = consents.require(found.get(grants), PURPOSES, asked.asked());
            Set<ConsentCategory> covered = asked.asked().isEmpty() ? grant.categories() : asked.asked();
            new ConsentedRead(grant.consentId(), grant.purpose().code(), codes(covered)).mark(routing);
            PackageView.ConsentUse use = new PackageView.ConsentUse(Long.toString(grant.consentId()), grant.purpose(), grant.categories(),
                    grant.validUntil());
            return cached(uscc, covered, use, "consent-" + grant.consentId() + "-v" + grant.version(), requestContext)
                    .call(answer -> answer.hit() ? Uni.createFrom().voidItem() : stillConsented(found.subject(), caller, covered, routing));
        });
    }

    /**
     * Reading the sections takes a moment: a consent revoked (or expired) meanwhile refuses the
     * answer read under it, so that nothing goes out after the revocation has committed.
     */
    private Uni<Void> stillConsented(SubjectDetails subject, ApiClient caller, Set<ConsentCategory> covered, RoutingContext routing) {
        return consents.require(subject.id(), caller.consumerId(), PURPOSES, covered).replaceWithVoid()
                .onFailure().invoke(() -> ConsentedRead.clear(routing));
    }

    private Uni<CachedJson> cached(Uscc uscc, Set<ConsentCategory> covered, PackageView.ConsentUse consent, String reader,
            Context requestContext) {
        return cache.get(uscc.value(), "finance-package", reader + ":" + codes(covered),
                () -> assemble(uscc, covered, consent, requestContext));
    }

    private static String codes(Set<ConsentCategory> categories) {
        return categories.stream().sorted().map(ConsentCategory::code).collect(Collectors.joining(","));
    }

    /**
     * The sections read from PostgreSQL in one statement (the subject, its profile, evaluation, list
     * standing and records: SubjectParts), beside the commitments, which Hibernate Reactive reads.
     */
    private Uni<PackageView> assemble(Uscc uscc, Set<ConsentCategory> covered, PackageView.ConsentUse consent, Context requestContext) {
        Set<RecordCategory> recordCategories = EnumSet.noneOf(RecordCategory.class);
        covered.forEach(section -> recordCategories.addAll(PackagePolicies.recordCategories(section)));
        SubjectParts read = SubjectParts.of(uscc);
        ProfileService.Parts profile = covered.contains(ConsentCategory.PROFILE) ? profiles.parts(read, RecordAudience.PUBLIC) : null;
        SubjectParts.Part<EvaluationView> evaluation = covered.contains(ConsentCategory.EVALUATION)
                ? evaluations.viewPart(read, EvaluationView.Detail.FULL) : null;
        SubjectParts.Part<ListStanding> standing = !covered.contains(ConsentCategory.LISTS) ? null
                : profile != null ? profile.standing() : lists.standingPart(read);
        SubjectParts.Part<List<DetailedRecord>> detailed = recordCategories.isEmpty() ? null
                : records.detailedPart(read, RecordAudience.SELF, recordCategories, config.perCategory());
        Uni<Optional<List<CommitmentView>>> commitmentsMade = covered.contains(ConsentCategory.COMMITMENTS)
                ? onContext(Uni.createFrom().deferred(() -> commitments.newestOf(uscc, config.perCategory())), requestContext).map(Optional::of)
                : Uni.createFrom().item(Optional.empty());
        return Uni.combine().all().unis(subjects.read(read), commitmentsMade).with((found, c) -> {
            SubjectDetails subject = found.subject();
            List<DetailedRecord> d = detailed == null ? List.of() : found.get(detailed);
            YearMonth thisMonth = YearMonth.from(ChinaTime.today(clock));
            return new PackageView(subject.uscc(), subject.name(), consent, covered, OffsetDateTime.now(clock).withOffsetSameInstant(ChinaTime.OFFSET),
                    profile == null ? null : profile.view(found), evaluation == null ? null : found.get(evaluation),
                    covered.contains(ConsentCategory.AUTHORISED_RECORDS) ? PackagePolicies.byCategory(d) : null,
                    covered.contains(ConsentCategory.TAX) ? new PackageView.TaxSection(d.stream()
                            .filter(r -> r.record().category() == RecordCategory.TAX_CREDIT_GRADE && r.rating() != null)
                            .map(r -> new PackageView.Rating(r.rating(), r.record())).toList(), series(d, RecordCategory.TAX_PAYMENT, thisMonth)) : null,
                    covered.contains(ConsentCategory.SOCIAL_INSURANCE) ? series(d, RecordCategory.SOCIAL_INSURANCE, thisMonth) : null,
                    covered.contains(ConsentCategory.HOUSING_FUND) ? series(d, RecordCategory.HOUSING_FUND, thisMonth) : null,
                    covered.contains(ConsentCategory.UTILITIES) ? series(d, RecordCategory.UTILITY_PAYMENT, thisMonth) : null,
                    standing == null ? null : found.get(standing), c.orElse(null));
        });
    }

    private PaymentSeries series(List<DetailedRecord> detailed, RecordCategory category, YearMonth thisMonth) {
        List<PackageView.MonthlyPayment> months = PackagePolicies.payments(detailed, category);
        return new PaymentSeries(months, PackagePolicies.summary(months, thisMonth, config.summaryMonths()));
    }

    /**
     * Subscribes on the request's own Vert.x context: the commitments are read through Hibernate
     * Reactive, whose session lives in that context, while a cache loader may run where the previous
     * read (the reactive client's, Redis's) completed.
     */
    private static <T> Uni<T> onContext(Uni<T> work, Context context) {
        return context == null ? work : work.runSubscriptionOn(command -> context.runOnContext(ignored -> command.run()));
    }
}
