package cn.opencredit.gateway.incentive;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.consent.ConsentPurpose;
import cn.opencredit.gateway.consent.ConsentService;
import cn.opencredit.gateway.person.PersonService;
import cn.opencredit.gateway.shared.audit.AuditEntry;
import cn.opencredit.gateway.shared.audit.AuditLog;
import cn.opencredit.gateway.shared.cache.CachedJson;
import cn.opencredit.gateway.shared.cache.ReadThroughCache;
import cn.opencredit.gateway.shared.problem.FieldError;
import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.problem.ProblemType;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.time.ChinaTime;
import cn.opencredit.gateway.shared.uscc.Uscc;
import cn.opencredit.gateway.shared.uscc.UsccValidation;
import cn.opencredit.gateway.subject.SubjectService;

/**
 * 信易+: the catalogue of credit-based benefits and who qualifies. The catalogue is compiled once per
 * revision on each replica (the revision is read on every call, one row, so a change holds on every
 * replica at once); an enterprise's answer is cached per subject and catalogue revision, and dies
 * with the subject's data version. Answers about persons go to the app only under the person's
 * consent and are in the person's access log.
 */
@ApplicationScoped
public class IncentiveService {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{1,39}");

    private final IncentiveRepository repository;
    private final SubjectService subjects;
    private final PersonService persons;
    private final ConsentService consents;
    private final ReadThroughCache cache;
    private final AuditLog audit;
    private final IncentiveConfig config;
    private final Clock clock;
    private volatile Catalogue compiled = new Catalogue(-1, List.of());

    IncentiveService(IncentiveRepository repository, SubjectService subjects, PersonService persons, ConsentService consents, ReadThroughCache cache,
            AuditLog audit, IncentiveConfig config, Clock clock) {
        this.repository = repository;
        this.subjects = subjects;
        this.persons = persons;
        this.consents = consents;
        this.cache = cache;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    private record Entry(IncentiveRepository.Stored stored, List<IncentiveRules.Compiled> conditions) {
    }

    private record Catalogue(long revision, List<Entry> entries) {
    }

    private Uni<Catalogue> catalogue() {
        return repository.revision().chain(revision -> revision == compiled.revision() ? Uni.createFrom().item(compiled)
                : repository.catalogue().map(read -> {
                    List<Entry> entries = new ArrayList<>();
                    for (IncentiveRepository.Stored stored : read.getValue()) {
                        entries.add(new Entry(stored, IncentiveRules.compile(stored.conditions(), "conditions").conditions()));
                    }
                    Catalogue catalogue = new Catalogue(read.getKey(), List.copyOf(entries));
                    compiled = catalogue;
                    return catalogue;
                }));
    }

    /** The whole catalogue, in code order. */
    public Uni<List<ScenarioView>> scenarios() {
        return catalogue().map(catalogue -> catalogue.entries().stream().map(entry -> view(entry.stored())).toList());
    }

    /** Creates or replaces scenario {@code code}: 400 naming each condition that does not compile, with the position. */
    public Uni<ScenarioView> save(String code, ScenarioRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (!CODE.matcher(code).matches()) {
            errors.add(new FieldError("code", "invalid-code", "a scenario code is 2 to 40 lower-case letters, digits and hyphens, starting with a letter"));
        }
        if (request.validUntil() != null && request.validUntil().isBefore(request.validFrom())) {
            errors.add(new FieldError("validUntil", "before-valid-from", "validUntil is before validFrom"));
        }
        errors.addAll(IncentiveRules.compile(request.conditions(), "conditions").errors());
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "The scenario cannot be saved: " + errors.getFirst().message(), errors);
        }
        IncentiveRepository.Stored stored = new IncentiveRepository.Stored(code, request.name().strip(), request.provider().strip(),
                List.copyOf(new LinkedHashSet<>(request.subjectKinds())), request.benefit().strip(), request.validFrom(), request.validUntil(),
                request.conditions(), 0);
        return repository.save(stored, OffsetDateTime.now(clock))
                .map(version -> view(new IncentiveRepository.Stored(stored.code(), stored.name(), stored.provider(), stored.subjectKinds(),
                        stored.benefit(), stored.validFrom(), stored.validUntil(), stored.conditions(), version)));
    }

    /** What an enterprise (or other subject with a USCC) qualifies for, cached per catalogue revision and subject data version. */
    public Uni<CachedJson> forSubject(Uscc uscc) {
        return catalogue().chain(catalogue -> cache.get(uscc.value(), "incentives", "r" + catalogue.revision(), () -> subjects.require(uscc)
                .chain(subject -> repository.facts(List.of(subject.id()), OffsetDateTime.now(clock), ChinaTime.today(clock)))
                .map(facts -> new EligibilityView(uscc.value(), catalogue.revision(), now(), scenarios(catalogue, facts.values().iterator().next())))))
                .map(answer -> {
                    if (!answer.found()) {
                        throw SubjectService.notFound(uscc);
                    }
                    return answer;
                });
    }

    /**
     * What a person qualifies for. An app reads it only under the person's active incentive consent;
     * without one the person is, for that app, not found (404), as an unknown id is. Departments and
     * operators read under their scope. The answer is in the person's access log before it leaves.
     */
    public Uni<PersonEligibilityView> forPerson(String id, ApiClient caller, String requestId) {
        return persons.resolve(id).chain(person -> consent(person, caller)
                .chain(consentId -> catalogue().chain(catalogue -> repository.facts(List.of(person.subjectId()), OffsetDateTime.now(clock),
                                ChinaTime.today(clock))
                        .map(facts -> new PersonEligibilityView(ref(person), catalogue.revision(), now(), scenarios(catalogue, facts.values().iterator().next()))))
                        .call(answer -> persons.logged(caller, java.util.UUID.fromString(person.view().id()), "incentive.eligibility", 200,
                                requestId, consentId))));
    }

    private Uni<Long> consent(PersonService.Person person, ApiClient caller) {
        if (!"APP".equals(caller.type())) {
            return Uni.createFrom().nullItem();
        }
        return consents.require(person.subjectId(), caller.consumerId(), Set.of(ConsentPurpose.INCENTIVE), Set.of())
                .map(ConsentService.Grant::consentId)
                .onFailure(ProblemException.class).transform(refused -> PersonService.notFound());
    }

    /** One scenario for many subjects by USCC: 413 over the batch limit, 404 for an unknown scenario; each subject read is logged. */
    public Uni<BatchCheckView> check(String code, BatchCheckRequest request, ApiClient caller, String requestId) {
        if (request.subjects().size() > config.maxBatch()) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "A batch check names at most " + config.maxBatch() + " subjects, not "
                    + request.subjects().size(), List.of(new FieldError("subjects", "too-many-subjects", "at most " + config.maxBatch())));
        }
        List<String> usccs = request.subjects().stream().map(raw -> {
            UsccValidation validation = Uscc.validate(raw);
            return validation.isValid() ? validation.normalised() : null;
        }).toList();
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = ChinaTime.today(clock);
        return catalogue().chain(catalogue -> {
            Entry entry = catalogue.entries().stream().filter(e -> e.stored().code().equals(code)).findFirst()
                    .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No scenario has the code " + code));
            return repository.factsByUscc(usccs.stream().filter(java.util.Objects::nonNull).distinct().toList(), now, today).chain(facts -> {
                List<BatchCheckView.Result> results = new ArrayList<>();
                for (int i = 0; i < usccs.size(); i++) {
                    results.add(result(entry, request.subjects().get(i), usccs.get(i), usccs.get(i) == null ? null : facts.get(usccs.get(i)), today));
                }
                return logged(caller, facts.keySet(), requestId).replaceWith(new BatchCheckView(code, catalogue.revision(), results));
            });
        });
    }

    private Uni<Void> logged(ApiClient caller, Set<String> usccs, String requestId) {
        if (usccs.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        OffsetDateTime at = OffsetDateTime.now(clock);
        List<Uni<Void>> entries = usccs.stream().map(uscc -> audit.append(new AuditEntry(at, caller.consumerId(), caller.name(), caller.type(),
                caller.keyId(), uscc, "incentive.batch-check", null, 200, requestId == null ? "" : requestId, null, null))).toList();
        return Uni.join().all(entries).andFailFast().replaceWithVoid();
    }

    private static BatchCheckView.Result result(Entry entry, String raw, String uscc, SubjectFacts facts, LocalDate today) {
        if (uscc == null) {
            return new BatchCheckView.Result(raw, false, null, null, "invalid-uscc");
        }
        if (facts == null) {
            return new BatchCheckView.Result(uscc, false, null, null, "subject-not-found");
        }
        if (!applies(entry.stored(), facts.kind(), today)) {
            return new BatchCheckView.Result(uscc, true, null, null, "not-applicable");
        }
        EligibilityView.ScenarioEligibility checked = IncentivePolicies.check(entry.stored(), entry.conditions(), facts.variables());
        return new BatchCheckView.Result(uscc, true, checked.eligible(), checked.unmet(), null);
    }

    private List<EligibilityView.ScenarioEligibility> scenarios(Catalogue catalogue, SubjectFacts facts) {
        LocalDate today = ChinaTime.today(clock);
        Map<String, Object> variables = facts.variables();
        return catalogue.entries().stream()
                .filter(entry -> applies(entry.stored(), facts.kind(), today))
                .map(entry -> IncentivePolicies.check(entry.stored(), entry.conditions(), variables))
                .toList();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ChinaTime.OFFSET);
    }

    private static PersonEligibilityView.PersonRef ref(PersonService.Person person) {
        return new PersonEligibilityView.PersonRef(person.view().id(), person.view().name(), person.view().identityNumber(),
                person.view().occupation() == null ? null : person.view().occupation().code());
    }

    private static boolean applies(IncentiveRepository.Stored scenario, String kind, LocalDate today) {
        return scenario.subjectKinds().contains(kind) && !today.isBefore(scenario.validFrom())
                && (scenario.validUntil() == null || !today.isAfter(scenario.validUntil()));
    }

    private static ScenarioView view(IncentiveRepository.Stored stored) {
        return new ScenarioView(stored.code(), stored.name(), stored.provider(), stored.subjectKinds(), stored.benefit(), stored.validFrom(),
                stored.validUntil(), stored.conditions(), stored.version());
    }
}
