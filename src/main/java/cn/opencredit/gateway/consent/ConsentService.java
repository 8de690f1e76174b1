package cn.opencredit.gateway.consent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.access.ConsumerService;
import cn.opencredit.gateway.access.ConsumerStatus;
import cn.opencredit.gateway.shared.cache.SubjectDataVersions;
import cn.opencredit.gateway.shared.paging.Page;
import cn.opencredit.gateway.shared.paging.PageRequest;
import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.problem.ProblemType;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.time.ChinaTime;
import cn.opencredit.gateway.shared.uscc.Uscc;
import cn.opencredit.gateway.shared.web.IdempotencyKeys;
import cn.opencredit.gateway.subject.SubjectParts;
import cn.opencredit.gateway.subject.SubjectService;
import cn.opencredit.gateway.timeline.TimelineService;
import cn.opencredit.gateway.timeline.TimelineView;
import cn.opencredit.gateway.timeline.Transition;
import cn.opencredit.gateway.timeline.Workflow;

/**
 * Consents (授权): a subject authorises a bank or an app to read its non-public data for one purpose,
 * some categories and a period, and may revoke it at any time. Every read under consent asks
 * {@link #require} first, against the database, so a revocation or an expiry holds for the next
 * read on every replica. Grants, revocations and expiries go to the subject's timeline.
 */
@ApplicationScoped
public class ConsentService {

    private static final int EXPIRY_BATCH = 500;

    private final ConsentRepository repository;
    private final ConsumerService consumers;
    private final SubjectService subjects;
    private final TimelineService timeline;
    private final SubjectDataVersions versions;
    private final ConsentConfig config;
    private final Clock clock;

    ConsentService(ConsentRepository repository, ConsumerService consumers, SubjectService subjects, TimelineService timeline,
            SubjectDataVersions versions, ConsentConfig config, Clock clock) {
        this.repository = repository;
        this.consumers = consumers;
        this.subjects = subjects;
        this.timeline = timeline;
        this.versions = versions;
        this.config = config;
        this.clock = clock;
    }

    /** A consent a read goes under. */
    public record Grant(long consentId, ConsentPurpose purpose, Set<ConsentCategory> categories, OffsetDateTime validUntil, int version) {
    }

    /**
     * The consent under which {@code grantee} reads {@code category} of the subject for one of
     * {@code purposes}; a 403 problem of its own type otherwise (consent-required, consent-expired,
     * consent-revoked, category-not-consented).
     */
    public Uni<Grant> require(long subjectId, UUID grantee, Set<ConsentPurpose> purposes, ConsentCategory category) {
        return require(subjectId, grantee, purposes, Set.of(category));
    }

    /**
     * The consent under which {@code grantee} reads all of {@code categories} (none: whatever the
     * newest active consent covers) for one of {@code purposes}; a 403 problem otherwise, as for one
     * category, naming every category not consented.
     */
    public Uni<Grant> require(long subjectId, UUID grantee, Set<ConsentPurpose> purposes, Set<ConsentCategory> categories) {
        return repository.grantsOf(subjectId, grantee).map(stored -> require(new Grants(stored), purposes, categories));
    }

    /** A grantee's consents about one subject, read with the subject ({@link #grantsPart}), for {@link #require(Grants, Set, Set)}. */
    public record Grants(List<ConsentPolicies.Stored> stored) {
    }

    /** The grantee's consents, as a part of a read of the subject in one statement: the subject and the check in one round trip. */
    public SubjectParts.Part<Grants> grantsPart(SubjectParts read, UUID grantee) {
        return read.add(ConsentRepository.grantsSql(read.subjectId(), read.bind(grantee)), ConsentRepository.GRANTS_ORDER,
                rows -> new Grants(ConsentRepository.toStored(rows)));
    }

    /** {@link #require(long, UUID, Set, Set)} over consents read already (now, with the subject). */
    public Grant require(Grants grants, Set<ConsentPurpose> purposes, Set<ConsentCategory> categories) {
        ConsentPolicies.Coverage coverage = ConsentPolicies.coverage(grants.stored(), purposes, categories, OffsetDateTime.now(clock));
        coverage.verdict().orThrow();
        ConsentPolicies.Stored consent = coverage.consent().orElseThrow();
        return new Grant(consent.id(), consent.purpose(), consent.categories(), consent.validUntil(), consent.version());
    }

    /** What granting answered: the consent, and whether it replays an earlier request with the same key. */
    public record Granted(ConsentView consent, boolean replayed) {
    }

    /** The subject authorises a consumer; with an Idempotency-Key the same request again answers the same consent. */
    public Uni<Granted> grant(ApiClient grantor, ConsentRequest request, String idempotencyKey) {
        Uscc uscc = Uscc.parse(request.subjectUscc(), "subjectUscc");
        ConsentPolicies.grantorPolicy(grantor, uscc.value(), request.reference()).orThrow();
        ConsentPurpose purpose = request.purpose();
        Set<ConsentCategory> categories = EnumSet.copyOf(request.categories());
        Optional<String> key = IdempotencyKeys.read(idempotencyKey);
        OffsetDateTime now = OffsetDateTime.now(clock);
        ConsentPolicies.lastDayPolicy(now, request.validUntil(), config.maxPeriod()).orThrow();
        OffsetDateTime until = request.validUntil().plusDays(1).atStartOfDay(ChinaTime.ZONE).toOffsetDateTime();
        ConsentPolicies.periodPolicy(now, until, config.maxPeriod()).orThrow();
        byte[] hash = sha256(uscc.value() + "|" + request.granteeId() + "|" + purpose + "|" + categories + "|" + request.validUntil() + "|"
                + (request.reference() == null ? "" : request.reference().strip()));
        return subjects.requireId(uscc).chain(subjectId -> Panache.withTransaction(() -> replay(grantor, key, hash).chain(earlier -> {
            if (earlier.isPresent()) {
                return Uni.createFrom().item(new Stored(earlier.get(), true));
            }
            return grantee(request.granteeId()).chain(found -> {
                ConsentPolicies.granteePolicy(purpose, found.map(ConsumerFacts::type), found.map(ConsumerFacts::active).orElse(false)).orThrow();
                Consent consent = new Consent();
                consent.subjectId = subjectId;
                consent.grantorConsumerId = grantor.consumerId();
                consent.granteeConsumerId = request.granteeId();
                consent.granteeType = found.get().type();
                consent.purpose = purpose;
                consent.categories = categories.stream().map(Enum::name).toArray(String[]::new);
                consent.reference = request.reference() == null || request.reference().isBlank() ? null : request.reference().strip();
                consent.validFrom = now;
                consent.validUntil = until;
                consent.createdAt = now;
                consent.idempotencyKey = key.orElse(null);
                consent.requestSha256 = hash;
                return repository.persistAndFlush(consent)
                        .call(() -> timeline.append(transition(consent, "granted", null, "active", grantor.type(), grantor.consumerId(),
                                grantor.boundUscc(), consent.reference, now)))
                        .map(stored -> new Stored(stored, false));
            });
        }))).call(stored -> versions.subjectChanged(uscc.value()))
                .chain(stored -> view(stored.consent(), true, uscc.value()).map(view -> new Granted(view, stored.replayed())));
    }

    /**
     * A natural person's consent (purpose incentive) to an app, recorded by an operator who has seen
     * the person: persons hold no key of their own, so the 信用办 records what the person authorised
     * at its counter or through its real-name channel. The consent is then required, revoked and
     * expires like any other. Answers the consent's id.
     */
    public Uni<Long> grantForPerson(ApiClient operator, long subjectId, UUID granteeId, Set<ConsentCategory> categories, LocalDate validUntil,
            String reference) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        ConsentPolicies.lastDayPolicy(now, validUntil, config.maxPeriod()).orThrow();
        OffsetDateTime until = validUntil.plusDays(1).atStartOfDay(ChinaTime.ZONE).toOffsetDateTime();
        ConsentPolicies.periodPolicy(now, until, config.maxPeriod()).orThrow();
        return grantee(granteeId).chain(found -> {
            ConsentPolicies.granteePolicy(ConsentPurpose.INCENTIVE, found.map(ConsumerFacts::type), found.map(ConsumerFacts::active).orElse(false))
                    .orThrow();
            Consent consent = new Consent();
            consent.subjectId = subjectId;
            consent.grantorConsumerId = operator.consumerId();
            consent.granteeConsumerId = granteeId;
            consent.granteeType = found.get().type();
            consent.purpose = ConsentPurpose.INCENTIVE;
            consent.categories = categories.stream().map(Enum::name).toArray(String[]::new);
            consent.reference = reference == null || reference.isBlank() ? null : reference.strip();
            consent.validFrom = now;
            consent.validUntil = until;
            consent.createdAt = now;
            return Panache.withTransaction(() -> repository.persistAndFlush(consent)
                    .call(() -> timeline.append(transition(consent, "granted", null, "active", operator.type(), operator.consumerId(), null,
                            consent.reference, now))))
                    .map(stored -> stored.id);
        });
    }

    private record Stored(Consent consent, boolean replayed) {
    }

    private record ConsumerFacts(String type, boolean active) {
    }

    private Uni<Optional<ConsumerFacts>> grantee(UUID id) {
        return consumers.get(id)
                .map(view -> Optional.of(new ConsumerFacts(view.type().name(), view.status() == ConsumerStatus.ACTIVE)))
                .onFailure(ProblemException.class).recoverWithItem(Optional.empty());
    }

    private Uni<Optional<Consent>> replay(ApiClient grantor, Optional<String> key, byte[] hash) {
        if (key.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return repository.findByKey(grantor.consumerId(), key.get()).map(earlier -> {
            if (earlier != null && !MessageDigest.isEqual(earlier.requestSha256, hash)) {
                throw IdempotencyKeys.reused("consent");
            }
            return Optional.ofNullable(earlier);
        });
    }

    /** Its subject (or an operator) ends the consent now; the next read under it is refused on every replica. */
    public Uni<ConsentView> revoke(long id, RevocationRequest request, ApiClient caller) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return Panache.withTransaction(() -> repository.findForUpdate(id).chain(consent -> {
            if (consent == null) {
                throw notFound(id);
            }
            return subjects.usccOf(consent.subjectId).map(uscc -> {
                ConsentPolicies.revocationPolicy(caller, consent, uscc, request.version(), now).orThrow();
                return consent;
            });
        }).chain(consent -> {
            consent.revokedAt = now;
            consent.revokedBy = caller.consumerId();
            consent.revocationReason = request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
            return timeline.append(transition(consent, "revoked", "active", "revoked", caller.type(), caller.consumerId(), caller.boundUscc(),
                    consent.revocationReason, now)).call(() -> repository.flush()).replaceWith(consent);
        })).chain(consent -> subjects.usccOf(consent.subjectId)
                // A person's consent (no USCC) has no cached answers to invalidate: persons' answers are not cached.
                .call(uscc -> uscc == null ? Uni.createFrom().voidItem() : versions.subjectChanged(uscc))
                .chain(uscc -> view(consent, true, uscc)));
    }

    public Uni<ConsentView> find(long id, ApiClient caller) {
        return Panache.withSession(() -> repository.findById(id)).chain(consent -> {
            if (consent == null) {
                throw notFound(id);
            }
            return subjects.usccOf(consent.subjectId).chain(uscc -> {
                ConsentPolicies.readerPolicy(caller, consent, uscc).orThrow();
                return view(consent, true, uscc);
            });
        });
    }

    /** A subject's consents (its consumer), those to a grantee (the bank or app), or any (operators, optionally of one subject). */
    public Uni<Page<ConsentView>> list(ApiClient caller, String subject, String limit, String cursor) {
        Optional<Uscc> subjectFilter = Optional.ofNullable(subject).filter(s -> !s.isBlank()).map(s -> Uscc.parse(s, "subject"));
        Optional<Uscc> scopeSubject = ApiClient.SUBJECT_TYPE.equals(caller.type()) ? Optional.of(Uscc.parse(caller.boundUscc(), "subject"))
                : ApiClient.OPERATOR_TYPE.equals(caller.type()) ? subjectFilter : Optional.empty();
        Optional<UUID> grantee = ApiClient.SUBJECT_TYPE.equals(caller.type()) || ApiClient.OPERATOR_TYPE.equals(caller.type()) ? Optional.empty()
                : Optional.of(caller.consumerId());
        String query = "consents|" + scopeSubject.map(Uscc::value).orElse("") + "|" + grantee.map(UUID::toString).orElse("");
        PageRequest page = PageRequest.parse(limit, cursor, query, 1);
        Optional<Long> before = page.after(key -> Long.parseLong(key.getFirst()));
        Uni<Optional<Long>> subjectId = scopeSubject.isEmpty() ? Uni.createFrom().item(Optional.empty())
                : subjects.requireId(scopeSubject.get()).map(Optional::of);
        return subjectId.chain(sid -> Panache.withSession(() -> repository.page(sid, grantee, before, page.fetchSize())))
                .chain(rows -> {
                    List<Uni<ConsentView>> views = new ArrayList<>();
                    rows.forEach(row -> views.add(subjects.usccOf(row.subjectId).chain(uscc -> view(row, false, uscc))));
                    return views.isEmpty() ? Uni.createFrom().item(List.<ConsentView>of()) : Uni.join().all(views).andFailFast();
                })
                .map(views -> Page.of(views, page, query, view -> List.of(view.id())));
    }

    /**
     * Keeps each consent's expiry as an event, once: consents whose period has ended are taken with
     * {@code FOR UPDATE SKIP LOCKED} and marked in the same transaction, so two replicas (or two
     * runs) never record one expiry twice.
     */
    @Scheduled(every = "${opencredit.consent.expiry-every:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> recordExpiries() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return Panache.withTransaction(() -> repository.expiring(now, EXPIRY_BATCH).call(expired -> {
            if (expired.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            List<Uni<Void>> events = new ArrayList<>();
            for (Consent consent : expired) {
                consent.expiredAt = now;
                events.add(timeline.append(transition(consent, "expired", "active", "expired", Transition.SYSTEM, null, null, null, now)));
            }
            Log.infof("%d consents expired", expired.size());
            return Uni.join().all(events).andFailFast().replaceWithVoid();
        })).onFailure().invoke(e -> Log.warnf("Recording consent expiries failed; the next run catches up: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private Uni<ConsentView> view(Consent consent, boolean withEvents, String subjectUscc) {
        Uni<List<TimelineView>> events = withEvents ? timeline.caseEvents(Workflow.CONSENT, consent.id) : Uni.createFrom().item(List.of());
        OffsetDateTime now = OffsetDateTime.now(clock);
        return events.map(found -> new ConsentView(Long.toString(consent.id), subjectUscc, consent.granteeConsumerId,
                consent.granteeType.toLowerCase(java.util.Locale.ROOT).replace('_', '-'), consent.purpose,
                Arrays.stream(consent.categories).map(ConsentCategory::valueOf).toList(), consent.reference, ChinaTime.inChina(consent.validFrom),
                ChinaTime.inChina(consent.validUntil), ConsentPolicies.state(consent.revokedAt, consent.validUntil, now),
                ChinaTime.inChina(consent.revokedAt), consent.revocationReason, consent.version, withEvents ? found : null));
    }

    private static Transition transition(Consent consent, String name, String from, String to, String actorType, UUID actor, String actorUscc,
            String reason, OffsetDateTime at) {
        return new Transition(consent.subjectId, Workflow.CONSENT, consent.id, name, from == null ? null : from.toUpperCase(java.util.Locale.ROOT),
                to.toUpperCase(java.util.Locale.ROOT), actorType, actor, actorUscc, null, reason, at);
    }

    private static ProblemException notFound(long id) {
        return new ProblemException(ProblemType.NOT_FOUND, "No consent with id " + id);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
