package cn.opencredit.gateway.ingestion;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.shared.paging.Page;
import cn.opencredit.gateway.shared.paging.PageRequest;
import cn.opencredit.gateway.shared.problem.FieldError;
import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.problem.ProblemType;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.web.ApiCode;
import cn.opencredit.gateway.shared.web.Ids;
import cn.opencredit.gateway.shared.web.QueryParameters;

/** Operators' review of 重错码 flags. */
@ApplicationScoped
public class IngestionFlagService {

    private final IngestionFlagRepository repository;
    private final Clock clock;

    IngestionFlagService(IngestionFlagRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** Newest first, optionally of one kind and open or resolved only. */
    public Uni<Page<IngestionFlagView>> list(String kind, String resolved, String limit, String cursor) {
        Optional<IngestionFlagKind> wantedKind = Optional.ofNullable(kind).filter(k -> !k.isBlank())
                .map(k -> ApiCode.parse(IngestionFlagKind.class, k, "kind"));
        List<FieldError> errors = new ArrayList<>();
        Optional<Boolean> wantedResolved = QueryParameters.bool(resolved, "resolved", errors);
        QueryParameters.rejectIfAny(errors);
        String query = "ingest-flags|" + wantedKind.map(Enum::name).orElse("") + "|" + wantedResolved.map(String::valueOf).orElse("");
        PageRequest page = PageRequest.parse(limit, cursor, query, 1);
        Optional<Long> before = page.after(key -> Long.parseLong(key.getFirst()));
        return repository.find(wantedKind, wantedResolved, before, page.fetchSize())
                .map(rows -> Page.of(rows, page, query, flag -> List.of(flag.id())));
    }

    /** Closes an open flag with the operator's note; a flag resolved before is a conflict. */
    public Uni<IngestionFlagView> resolve(ApiClient operator, String id, FlagResolutionRequest request) {
        long flagId = Ids.positive(id, "id");
        Log.debugf("resolve flag %d by %s", flagId, operator.consumerId());
        return repository.resolve(flagId, operator.consumerId(), request.note().strip(), OffsetDateTime.now(clock))
                .chain(resolved -> resolved != null ? Uni.createFrom().item(resolved) : repository.findById(flagId).map(existing -> {
                    if (existing == null) {
                        throw new ProblemException(ProblemType.NOT_FOUND, "No ingestion flag with id " + flagId);
                    }
                    throw new ProblemException(ProblemType.CONFLICT, "Flag " + flagId + " was resolved already at " + existing.resolvedAt());
                }));
    }
}
