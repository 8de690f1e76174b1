package cn.opencredit.gateway.person;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.audit.AccessLogService;
import cn.opencredit.gateway.audit.AccessLogView;
import cn.opencredit.gateway.consent.ConsentCategory;
import cn.opencredit.gateway.consent.ConsentService;
import cn.opencredit.gateway.ingestion.IngestionService;
import cn.opencredit.gateway.shared.audit.AuditEntry;
import cn.opencredit.gateway.shared.audit.AuditLog;
import cn.opencredit.gateway.shared.paging.Page;
import cn.opencredit.gateway.shared.problem.FieldError;
import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.problem.ProblemType;
import cn.opencredit.gateway.shared.security.ApiClient;

/**
 * Natural persons (自然人) as subjects. A person is found by the keyed hash of the identity number
 * that ingestion uses ({@link IngestionService#identityHash}), never by name; the number itself is
 * kept only sealed ({@link IdentityCipher}) and shown only masked. Every answer about a person is in
 * the person's access log, under {@link #logKey}, before it leaves.
 */
@ApplicationScoped
public class PersonService {

    /** GB 11643 resident identity card: six digits of region, eight of birth date, three of sequence, a check character. */
    private static final Pattern RESIDENT_ID = Pattern.compile("[1-9]\\d{16}[\\dX]");
    private static final int RESEAL_BATCH = 500;

    private final PersonRepository repository;
    private final IdentityCipher cipher;
    private final IngestionService ingestion;
    private final ConsentService consents;
    private final AuditLog audit;
    private final AccessLogService accessLogs;
    private final Clock clock;

    PersonService(PersonRepository repository, IdentityCipher cipher, IngestionService ingestion, ConsentService consents, AuditLog audit,
            AccessLogService accessLogs, Clock clock) {
        this.repository = repository;
        this.cipher = cipher;
        this.ingestion = ingestion;
        this.consents = consents;
        this.audit = audit;
        this.accessLogs = accessLogs;
        this.clock = clock;
    }

    /** A person resolved for another capability: the subject id its data hangs on, and how answers show the person. */
    public record Person(long subjectId, PersonView view) {
    }

    /** What registering answered, and whether the person is new to the gateway. */
    public record Registered(PersonView person, boolean created) {
    }

    /** Registers (or brings up to date) the person with this identity number; the subject ingestion made is reused. Logged. */
    public Uni<Registered> register(ApiClient caller, PersonRequest request, String requestId) {
        String number = residentNumber(request.identityNumber());
        byte[] hash = hash(number);
        String occupation = request.occupation() == null ? null : request.occupation().code();
        PersonRepository.Registration registration = new PersonRepository.Registration(hash, request.name().strip(), number.substring(0, 6),
                IdentityCipher.mask(number), occupation);
        return repository.register(registration, subjectId -> cipher.encrypt(number, subjectId), OffsetDateTime.now(clock))
                .chain(created -> repository.byIdentityHash(hash).map(found -> new Registered(view(found.orElseThrow()), created)))
                .call(registered -> logged(caller, UUID.fromString(registered.person().id()), "person.register", registered.created() ? 201 : 200,
                        requestId, null));
    }

    /** The person with this identity number (hashed here, never stored or logged in clear), for {@code caller}; 404 when none. */
    public Uni<PersonView> lookup(ApiClient caller, String identityNumber, String requestId) {
        byte[] hash = hash(readNumber(identityNumber));
        return repository.byIdentityHash(hash).chain(found -> {
            PersonRepository.Found person = found.orElseThrow(PersonService::notFound);
            return logged(caller, person.publicId(), "person.lookup", 200, requestId, null).replaceWith(view(person));
        });
    }

    /** The person with this id; 404 when none (or the id is malformed). */
    public Uni<Person> resolve(String id) {
        UUID publicId;
        try {
            publicId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(notFound());
        }
        return repository.byPublicId(publicId).map(found -> {
            PersonRepository.Found person = found.orElseThrow(PersonService::notFound);
            return new Person(person.subjectId(), view(person));
        });
    }

    /** Records a person's consent to an app (purpose incentive, every category), as the operator who saw the person. Logged. */
    public Uni<PersonConsentView> grantConsent(ApiClient operator, String id, PersonConsentRequest request, String requestId) {
        return resolve(id).chain(person -> consents.grantForPerson(operator, person.subjectId(), request.granteeId(),
                        EnumSet.allOf(ConsentCategory.class), request.validUntil(), request.reference())
                .call(consentId -> logged(operator, UUID.fromString(person.view().id()), "person.consent", 201, requestId, consentId))
                .map(consentId -> new PersonConsentView(Long.toString(consentId), person.view(), request.granteeId(), "incentive",
                        request.validUntil())));
    }

    /**
     * Who looked the person up (查询记录), newest first, for the operator serving the person at the
     * counter or a supervisor: persons hold no key to read it themselves. The reading is itself an
     * answer about the person, so it is logged (after the page is read, before it leaves); a bad page
     * request or an unknown person is refused and logs nothing.
     */
    public Uni<Page<AccessLogView>> accessLog(ApiClient caller, String id, String limit, String cursor, String requestId) {
        return resolve(id).chain(person -> {
            UUID publicId = UUID.fromString(person.view().id());
            return accessLogs.accessLogUnder(logKey(publicId), limit, cursor)
                    .call(page -> logged(caller, publicId, "person.access-log", 200, requestId, null));
        });
    }

    /**
     * Writes one entry of the person's access log and waits for it to commit, so that no answer
     * about a person leaves unlogged.
     */
    public Uni<Void> logged(ApiClient caller, UUID publicId, String operation, int outcome, String requestId, Long consentId) {
        return audit.append(new AuditEntry(OffsetDateTime.now(clock), caller.consumerId(), caller.name(), caller.type(), caller.keyId(),
                logKey(publicId), operation, consentId == null ? null : "incentive", outcome, requestId == null ? "" : requestId, consentId,
                consentId == null ? null : "incentive"));
    }

    /** Whose access log a person's entries go to: persons have no USCC, so their public id stands in. */
    public static String logKey(UUID publicId) {
        return "person:" + publicId;
    }

    /**
     * Moves every identity number still sealed under a retired key to the current one, a batch at a
     * time; rows another replica moved meanwhile are left as they are.
     */
    public Uni<ReEncryptionView> reEncrypt() {
        String current = cipher.currentKeyId();
        return Multi.createBy().repeating().uni(() -> repository.underOtherKeys(current, RESEAL_BATCH).chain(this::reseal))
                .whilst(moved -> moved > 0)
                .collect().with(java.util.stream.Collectors.summingLong(Long::longValue))
                .invoke(moved -> Log.infof("re-encrypted %d identity numbers under key %s", moved, current))
                .map(moved -> new ReEncryptionView(current, moved));
    }

    private Uni<Long> reseal(List<PersonRepository.Stale> stale) {
        List<PersonRepository.Resealed> resealed = stale.stream().map(row -> new PersonRepository.Resealed(row.subjectId(), row.keyId(),
                cipher.encrypt(cipher.decrypt(row.sealed(), row.keyId(), row.subjectId()), row.subjectId()))).toList();
        return repository.reseal(resealed, OffsetDateTime.now(clock));
    }

    private static PersonView view(PersonRepository.Found found) {
        return new PersonView(found.publicId().toString(), found.name(), found.masked(),
                found.occupation() == null ? null : OccupationalGroup.valueOf(found.occupation().toUpperCase(java.util.Locale.ROOT).replace('-', '_')));
    }

    private byte[] hash(String number) {
        return ingestion.identityHash(number).orElseThrow(() -> new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                "Persons cannot be recognised: no identity hash key is configured"));
    }

    private static String readNumber(String raw) {
        return IngestionService.normalisedIdentityNumber(raw).orElseThrow(() -> invalidNumber("is not an identity document number"));
    }

    private static String residentNumber(String raw) {
        String number = readNumber(raw);
        if (!RESIDENT_ID.matcher(number).matches()) {
            throw invalidNumber("is not a resident identity card number (18 characters, GB 11643)");
        }
        return number;
    }

    /** Never repeats the number: problems are logged and may be shown. */
    private static ProblemException invalidNumber(String what) {
        return new ProblemException(ProblemType.VALIDATION_FAILED, "The identity number " + what,
                List.of(new FieldError("identityNumber", "invalid-identity-number", "the identity number " + what)));
    }

    public static ProblemException notFound() {
        return new ProblemException(ProblemType.NOT_FOUND, "No person you may read has this identity");
    }

}
