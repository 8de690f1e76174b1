package cn.opencredit.gateway.audit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.shared.paging.Page;
import cn.opencredit.gateway.shared.paging.PageRequest;

/** Bulk reads, for operators and auditors: who searched, listed and followed the feed, with which filters. */
@ApplicationScoped
public class OperationLogService {

    private final OperationLogRepository repository;

    OperationLogService(OperationLogRepository repository) {
        this.repository = repository;
    }

    public Uni<Page<OperationLogView>> operations(String consumer, String operation, String from, String to, String limit, String cursor) {
        OperationLogQuery query = OperationLogQuery.parse(consumer, operation, from, to);
        Log.debugf("operations log %s", query);
        String fingerprint = query.fingerprint();
        PageRequest page = PageRequest.parse(limit, cursor, fingerprint, 2);
        Optional<OperationLogRepository.Position> after = page.after(key -> new OperationLogRepository.Position(
                OffsetDateTime.parse(key.get(0)), Long.parseLong(key.get(1))));
        return repository.find(query, after, page.fetchSize())
                .map(rows -> Page.of(rows, page, fingerprint, row -> List.of(row.occurredAt().toString(), row.id())));
    }
}
