package cn.opencredit.gateway.report;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.ext.web.RoutingContext;

import cn.opencredit.gateway.commitment.CommitmentService;
import cn.opencredit.gateway.consent.ConsentCategory;
import cn.opencredit.gateway.consent.ConsentPurpose;
import cn.opencredit.gateway.consent.ConsentService;
import cn.opencredit.gateway.evaluation.EvaluationService;
import cn.opencredit.gateway.evaluation.EvaluationView;
import cn.opencredit.gateway.profile.ProfileService;
import cn.opencredit.gateway.record.DetailedRecord;
import cn.opencredit.gateway.record.RecordAudience;
import cn.opencredit.gateway.record.RecordCategory;
import cn.opencredit.gateway.record.RecordService;
import cn.opencredit.gateway.record.RecordView;
import cn.opencredit.gateway.shared.audit.ConsentedRead;
import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.problem.ProblemType;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.time.ChinaTime;
import cn.opencredit.gateway.shared.uscc.Uscc;
import cn.opencredit.gateway.subject.SubjectDetails;
import cn.opencredit.gateway.subject.SubjectParts;
import cn.opencredit.gateway.subject.SubjectService;
import cn.opencredit.gateway.timeline.TimelineService;
import cn.opencredit.gateway.timeline.Workflow;

/**
 * Credit reports (信用报告): assembled from the subject's data at the time asked, at the public or
 * the full level, as JSON or PDF; each issue gets a fresh verification code, and only what verifying
 * needs is stored (the code, subject, level, format, SHA-256 and size of the exact bytes, issue and
 * validity times). The content is not kept: the data it was read from moves on, and the holder of
 * a report proves it by presenting its bytes or their hash.
 */
@Singleton
public class ReportService {

    public static final String TITLE = "公共信用信息报告";
    /** What a consent must cover for a bank's or agency's full report: what the full level adds to the public one. */
    static final Set<ConsentCategory> FULL_CATEGORIES = EnumSet.of(ConsentCategory.EVALUATION, ConsentCategory.AUTHORISED_RECORDS,
            ConsentCategory.COMMITMENTS);

    /** The report's bytes as issued, with their media type, code and SHA-256. */
    public record Issued(byte[] content, boolean pdf, ReportView.Verification verification, byte[] sha256) {
    }

    private final SubjectService subjects;
    private final ConsentService consents;
    private final ProfileService profiles;
    private final EvaluationService evaluations;
    private final RecordService records;
    private final CommitmentService commitments;
    private final TimelineService timeline;
    private final ReportRepository repository;
    private final ReportPdf pdf;
    private final ReportConfig config;
    private final ObjectMapper json;
    private final Clock clock;

    ReportService(SubjectService subjects, ConsentService consents, ProfileService profiles, EvaluationService evaluations, RecordService records,
            CommitmentService commitments, TimelineService timeline, ReportRepository repository, ReportPdf pdf, ReportConfig config,
            ObjectMapper json, Clock clock) {
        this.subjects = subjects;
        this.consents = consents;
        this.profiles = profiles;
        this.evaluations = evaluations;
        this.records = records;
        this.commitments = commitments;
        this.timeline = timeline;
        this.repository = repository;
        this.pdf = pdf;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Issues a report: 400 for an unknown level, 403 when the caller may not have the full level
     * (or, for a bank or agency, no consent covers it), 404 for an unknown subject.
     */
    public Uni<Issued> issue(Uscc uscc, String rawLevel, boolean asPdf, ApiClient caller, RoutingContext routing) {
        ReportPolicies.levelPolicy(rawLevel).orThrow();
        ReportLevel level = ReportPolicies.level(rawLevel).orElseThrow();
        if (level == ReportLevel.FULL) {
            ReportPolicies.fullReaderPolicy(caller, uscc.value()).orThrow();
        }
        return subjects.require(uscc)
                .call(subject -> level == ReportLevel.FULL ? consented(subject, caller, routing) : Uni.createFrom().voidItem())
                .chain(subject -> assemble(uscc, subject, level))
                .chain(report -> asPdf ? rendered(report) : Uni.createFrom().item(() -> bytes(report))
                        .map(b -> new Issued(b, false, report.verification(), sha256(b))))
                .call(issued -> repository.insert(new ReportRepository.Issued(issued.verification().code(), uscc.value(), level,
                        issued.pdf() ? "PDF" : "JSON", issued.sha256(), issued.content().length, issued.verification().issuedAt(),
                        issued.verification().validUntil()), caller == null ? null : caller.consumerId()));
    }

    /** A bank or agency needs a consent covering what the full level adds; the read is logged under it. */
    private Uni<Void> consented(SubjectDetails subject, ApiClient caller, RoutingContext routing) {
        if (ReportPolicies.fullReader(caller, subject.uscc()).orElseThrow() != ReportPolicies.FullReader.UNDER_CONSENT) {
            return Uni.createFrom().voidItem();
        }
        return consents.require(subject.id(), caller.consumerId(), EnumSet.allOf(ConsentPurpose.class), FULL_CATEGORIES)
                .invoke(grant -> new ConsentedRead(grant.consentId(), grant.purpose().code(), "report:full").mark(routing)).replaceWithVoid();
    }

    private Uni<ReportView> assemble(Uscc uscc, SubjectDetails subject, ReportLevel level) {
        RecordAudience audience = level == ReportLevel.FULL ? RecordAudience.SELF : RecordAudience.PUBLIC;
        Set<RecordCategory> categories = EnumSet.noneOf(RecordCategory.class);
        Arrays.stream(RecordCategory.values()).filter(c -> !c.isMonthlyPayment()).forEach(categories::add);
        OffsetDateTime issuedAt = ChinaTime.inChina(OffsetDateTime.now(clock));
        OffsetDateTime validUntil = issuedAt.plus(config.validity());
        String code = ReportPolicies.newCode();
        ReportView.Verification verification = new ReportView.Verification(code, level, issuedAt, validUntil,
                config.verificationBaseUrl() + "/api/v1/reports/" + code + "/verification");
        // The subject, its profile, evaluation and records in one statement (SubjectParts); then, one after the other, the
        // commitments and the timeline, read through Hibernate Reactive, whose session belongs to the request's context and
        // must not be shared by concurrent reads.
        SubjectParts read = SubjectParts.of(uscc);
        ProfileService.Parts profile = profiles.parts(read, audience);
        SubjectParts.Part<EvaluationView> evaluation = evaluations.viewPart(read,
                level == ReportLevel.FULL ? EvaluationView.Detail.FULL : EvaluationView.Detail.SUMMARY);
        SubjectParts.Part<List<DetailedRecord>> detailed = records.detailedPart(read, audience, categories, config.recordsPerCategory());
        return subjects.read(read)
                .chain(found -> commitments.newestOf(uscc, config.casesListed())
                        .chain(made -> (level == ReportLevel.FULL
                                ? timeline.subjectEvents(subject.id(), EnumSet.of(Workflow.REPAIR, Workflow.OBJECTION), config.casesListed())
                                : Uni.createFrom().<List<cn.opencredit.gateway.timeline.TimelineView>>nullItem())
                                .map(cases -> {
                                    Map<String, List<RecordView>> byCategory = new LinkedHashMap<>();
                                    found.get(detailed).forEach(d -> byCategory.computeIfAbsent(d.record().category().code(),
                                            ignored -> new ArrayList<>()).add(d.record()));
                                    return new ReportView(config.platformName(), TITLE, verification, profile.view(found), found.get(evaluation),
                                            byCategory, made, cases);
                                })));
    }

    private Uni<Issued> rendered(ReportView report) {
        Map<String, Object> model = ReportDocument.model(report);
        return Uni.createFrom().item(() -> pdf.render(model, report.verification().url()))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .map(b -> new Issued(b, true, report.verification(), sha256(b)));
    }

    private byte[] bytes(ReportView report) {
        try {
            return json.writeValueAsBytes(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report always serialises", e);
        }
    }

    static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * Whether a report with this code was issued; with {@code presented} content (the document's
     * bytes) or {@code sha256} (its hash, hex), whether that content is the report issued. An unknown
     * code (or one that cannot be a code) is 404.
     */
    public Uni<VerificationView> verify(String rawCode, String sha256, byte[] presented) {
        ReportPolicies.hashPolicy(sha256).orThrow();
        Optional<String> code = ReportPolicies.code(rawCode);
        if (code.isEmpty()) {
            return Uni.createFrom().failure(notIssued());
        }
        byte[] claimed = presented != null ? sha256(presented) : sha256 != null ? ReportPolicies.hash(sha256) : null;
        return repository.find(code.get()).map(found -> found.map(issued -> new VerificationView(issued.code(), true, issued.subjectUscc(),
                        issued.level(), issued.format().toLowerCase(java.util.Locale.ROOT), issued.issuedAt(), issued.validUntil(),
                        issued.validUntil().isAfter(OffsetDateTime.now(clock)), HexFormat.of().formatHex(issued.sha256()), issued.bytes(),
                        claimed == null ? null : MessageDigest.isEqual(claimed, issued.sha256())))
                .orElseThrow(ReportService::notIssued));
    }

    private static ProblemException notIssued() {
        return new ProblemException(ProblemType.NOT_FOUND, "No report was issued with this verification code");
    }
}
