package cn.opencredit.gateway.evidence;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.shared.problem.FieldError;
import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.problem.ProblemType;
import cn.opencredit.gateway.shared.problem.Verdict;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.time.ChinaTime;
import cn.opencredit.gateway.shared.web.TextInput;

/**
 * Evidence files for the subject workflows: stored with their SHA-256 after their type is told by
 * their content; cited by id in a case, read back by who uploaded them, departments and operators.
 */
@ApplicationScoped
public class EvidenceService {

    private static final int MAX_FILE_NAME = 200;

    private final EvidenceConfig config;
    private final Clock clock;

    EvidenceService(EvidenceConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** A file from the body, with the type the request declared and the name the uploader gives. */
    public Uni<EvidenceView> store(byte[] content, String declaredType, String fileName, ApiClient uploader) {
        String type = declaredType == null ? "" : declaredType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        EvidencePolicies.filePolicy(content, type, config.maxSize().asLongValue()).orThrow();
        Evidence evidence = new Evidence();
        evidence.id = UUID.randomUUID();
        evidence.uploadedBy = uploader.consumerId();
        evidence.uploaderUscc = uploader.boundUscc();
        evidence.mediaType = type;
        evidence.sizeBytes = content.length;
        evidence.sha256 = sha256(content);
        evidence.fileName = fileName(fileName);
        evidence.content = content;
        evidence.uploadedAt = OffsetDateTime.now(clock);
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.persist(evidence))).map(v -> view(evidence));
    }

    /** The file's description, for those who may read it; 404 when there is none, 403 when not theirs. */
    public Uni<EvidenceView> describe(UUID id, ApiClient caller) {
        return readable(id, caller).map(EvidenceService::view);
    }

    /** The file itself with its type. */
    public Uni<File> content(UUID id, ApiClient caller) {
        return readable(id, caller).map(evidence -> new File(evidence.mediaType, evidence.content, HexFormat.of().formatHex(evidence.sha256)));
    }

    /** A file's bytes, its type and its SHA-256 (hex). */
    public record File(String mediaType, byte[] content, String sha256) {
    }

    /**
     * Checks, in the caller's transaction, that every id names evidence that {@code filer} uploaded;
     * a case cites only its own filer's files. 400 naming the field otherwise.
     */
    public Uni<Void> requireOwn(List<UUID> ids, UUID filer, String field) {
        if (ids == null || ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Set<UUID> wanted = Set.copyOf(ids);
        return Panache.getSession().chain(session -> session
                        .createQuery("SELECT e.id FROM Evidence e WHERE e.id IN :ids AND e.uploadedBy = :filer", UUID.class)
                        .setParameter("ids", wanted).setParameter("filer", filer).getResultList())
                .invoke(found -> {
                    if (found.size() != wanted.size()) {
                        List<String> missing = wanted.stream().filter(id -> !found.contains(id)).map(UUID::toString).sorted().toList();
                        Verdict.rejected(EvidenceRejection.NOT_UPLOADED_BY_FILER, field, "no evidence you uploaded has the id "
                                + String.join(", ", missing)).orThrow();
                    }
                })
                .replaceWithVoid();
    }

    private Uni<Evidence> readable(UUID id, ApiClient caller) {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session.find(Evidence.class, id)))
                .invoke(evidence -> {
                    if (evidence == null) {
                        throw new ProblemException(ProblemType.NOT_FOUND, "No evidence with id " + id);
                    }
                    EvidencePolicies.readerPolicy(caller, evidence.uploadedBy).orThrow();
                });
    }

    private static String fileName(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String name;
        try {
            // Header values are Latin-1 on the wire: names in Chinese arrive percent-encoded UTF-8.
            name = TextInput.fold(java.net.URLDecoder.decode(raw.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.INVALID_PARAMETER, "X-File-Name is not valid percent-encoded UTF-8",
                    List.of(new FieldError("X-File-Name", "format", "percent-encoded UTF-8, such as %E7%BC%B4%E6%AC%BE.pdf")));
        }
        if (name.length() > MAX_FILE_NAME || TextInput.hasControlCharacter(name)) {
            throw new ProblemException(ProblemType.INVALID_PARAMETER, "X-File-Name is at most " + MAX_FILE_NAME + " characters of text",
                    List.of(new FieldError("X-File-Name", "format", "at most " + MAX_FILE_NAME + " characters, no control characters")));
        }
        return name;
    }

    private static EvidenceView view(Evidence evidence) {
        return new EvidenceView(evidence.id, evidence.mediaType, evidence.sizeBytes, HexFormat.of().formatHex(evidence.sha256), evidence.fileName,
                ChinaTime.inChina(evidence.uploadedAt));
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
