package cn.opencredit.gateway.creditlist;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.shared.cache.SubjectDataVersions;
import cn.opencredit.gateway.shared.problem.FieldError;
import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.problem.ProblemType;
import cn.opencredit.gateway.shared.problem.Verdict;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.uscc.Uscc;
import cn.opencredit.gateway.shared.uscc.UsccValidation;
import cn.opencredit.gateway.shared.uscc.UsccViolation;
import cn.opencredit.gateway.subject.SubjectService;

/**
 * Departments put subjects on lists and take them off. Each write is one transaction; the
 * subject's cached views are invalidated only after it has committed, so no replica can cache the
 * state before the write under the new data version.
 */
@ApplicationScoped
public class ListEntryService {

    private final ListEntryRepository repository;
    private final SubjectService subjects;
    private final CreditListService reads;
    private final SubjectDataVersions versions;
    private final Clock clock;

    ListEntryService(ListEntryRepository repository, SubjectService subjects, CreditListService reads, SubjectDataVersions versions,
            Clock clock) {
        this.repository = repository;
        this.subjects = subjects;
        this.reads = reads;
        this.versions = versions;
        this.clock = clock;
    }

    /** Includes the subject in the list; the answer is the entry as stored. */
    public Uni<ListEntryView> include(ListType type, ListEntryRequest request, ApiClient caller) {
        Map<String, String> codes = validCodes(Map.of("subjectUscc", request.subjectUscc(), "authorityUscc", request.authorityUscc()));
        String uscc = codes.get("subjectUscc");
        String authorityUscc = codes.get("authorityUscc");
        Log.debugf("include %s in %s by %s", uscc, type, authorityUscc);
        CreditListPolicies.actingAuthorityPolicy(caller.type(), caller.boundUscc(), authorityUscc).orThrow();
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime includedAt = request.includedAt() == null ? now : request.includedAt();
        Optional<String> given = text(request.legalRepresentative());
        Verdict.all(List.of(
                CreditListPolicies.authorityCodePolicy(authorityUscc),
                CreditListPolicies.inclusionStartPolicy(includedAt.toInstant(), now.toInstant()),
                CreditListPolicies.inclusionEndPolicy(includedAt.toInstant(), instant(request.expiresAt())),
                CreditListPolicies.legalRepresentativeAllowedPolicy(type, given))).orThrow();
        return Panache.withTransaction(() -> subjects.lockForUpdate(uscc)
                        .onItem().ifNull().failWith(() -> subjectNotFound(uscc))
                        .chain(subject -> {
                            Optional<String> linked = CreditListPolicies.linkedLegalRepresentative(type, subject.type(), given,
                                    subject.legalRepresentative());
                            Verdict.all(List.of(
                                    CreditListPolicies.subjectNamePolicy(text(request.subjectName()), subject.name()),
                                    CreditListPolicies.legalRepresentativeRequiredPolicy(type, subject.type(), linked))).orThrow();
                            return repository.findNotRemoved(subject.id(), type, authorityUscc)
                                    .invoke(entries -> entries.stream()
                                            .filter(e -> CreditListPolicies.blocksSecondEntryPolicy(instant(e.expiresAt), instant(e.removedAt),
                                                    now.toInstant()))
                                            .findFirst()
                                            .ifPresent(existing -> Verdict.rejected(CreditListRejection.ALREADY_LISTED, "Subject " + uscc
                                                    + " is on the " + type.code() + " list by authority " + authorityUscc + " already (entry "
                                                    + existing.id + "); remove that entry first").orThrow()))
                                    .chain(() -> repository.persistAndFlush(newEntry(type, subject.id(), authorityUscc, request,
                                            includedAt, linked.orElse(null), now)));
                        }))
                .chain(entry -> reads.entry(type, entry.id))
                .call(view -> versions.subjectChanged(view.subjectUscc()));
    }

    /** Records the removal of an entry, once, by the authority that included it or an operator. */
    public Uni<ListEntryView> remove(ListType type, long id, RemovalRequest request, ApiClient caller) {
        Log.debugf("remove %s entry %d: %s", type, id, request.reason());
        OffsetDateTime now = OffsetDateTime.now(clock);
        return Panache.withTransaction(() -> repository.findForUpdate(id)
                        .invoke(entry -> {
                            if (entry == null || entry.listType != type) {
                                throw CreditListService.notFound(type, id);
                            }
                            CreditListPolicies.actingAuthorityPolicy(caller.type(), caller.boundUscc(), entry.authorityUscc).orThrow();
                            CreditListPolicies.removalPolicy(entry.id, entry.includedAt.toInstant(), instant(entry.removedAt), now.toInstant())
                                    .orThrow();
                            entry.removedAt = now;
                            entry.removalReason = request.reason();
                            entry.removalNote = request.note().strip();
                        }))
                .chain(() -> reads.entry(type, id))
                .call(view -> versions.subjectChanged(view.subjectUscc()));
    }

    private static ListEntry newEntry(ListType type, long subjectId, String authorityUscc, ListEntryRequest request,
            OffsetDateTime includedAt, String legalRepresentative, OffsetDateTime now) {
        ListEntry entry = new ListEntry();
        entry.subjectId = subjectId;
        entry.listType = type;
        entry.authority = request.authority().strip();
        entry.authorityUscc = authorityUscc;
        entry.reason = request.reason().strip();
        entry.legalBasis = request.legalBasis().strip();
        entry.legalRepresentative = legalRepresentative == null ? null : legalRepresentative.strip();
        entry.includedAt = includedAt;
        entry.expiresAt = CreditListPolicies.expiryPolicy(type, includedAt, request.expiresAt());
        entry.createdAt = now;
        return entry;
    }

    /**
     * The normalised codes by field. When any is invalid, one problem names every failing part of
     * each, under its own field, so a clerk sees all that is wrong at once.
     */
    private static Map<String, String> validCodes(Map<String, String> rawByField) {
        Map<String, String> codes = new TreeMap<>();
        List<FieldError> errors = new ArrayList<>();
        List<String> details = new ArrayList<>();
        new TreeMap<>(rawByField).forEach((field, raw) -> {
            UsccValidation validation = Uscc.validate(raw);
            codes.put(field, validation.normalised());
            validation.violations().forEach(violation -> errors.add(violation.toFieldError(field)));
            if (!validation.isValid()) {
                details.add(field + ": " + validation.violations().stream().map(UsccViolation::message).collect(Collectors.joining("; ")));
            }
        });
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_USCC, String.join("; ", details), errors);
        }
        return codes;
    }

    private static ProblemException subjectNotFound(String uscc) {
        String message = "No subject with USCC " + uscc + " is registered; register it before listing it";
        return new ProblemException(ProblemType.SUBJECT_NOT_FOUND, message, List.of(new FieldError("subjectUscc", "not-registered", message)));
    }

    private static Optional<String> text(String raw) {
        return Optional.ofNullable(raw).map(String::strip).filter(value -> !value.isEmpty());
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
