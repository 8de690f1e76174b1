package cn.opencredit.gateway.audit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.shared.paging.Page;
import cn.opencredit.gateway.shared.paging.PageRequest;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.uscc.Uscc;

/** Who looked a subject up: the subject's own query record. */
@ApplicationScoped
public class AccessLogService {

    private final AccessLogRepository repository;

    AccessLogService(AccessLogRepository repository) {
        this.repository = repository;
    }

    public Uni<Page<AccessLogView>> accessLog(ApiClient caller, Uscc uscc, String limit, String cursor) {
        Log.debugf("accessLog uscc=%s by %s", uscc, caller.consumerId());
        AccessLogPolicies.mayReadPolicy(caller.scopes(), caller.boundUscc(), uscc.value()).orThrow();
        return page(uscc.value(), limit, cursor);
    }

    /**
     * One page of the access log kept under {@code logKey} for a subject without a USCC (a natural
     * person's, see the person capability), for a caller its resource has already let in: persons
     * hold no key, so who may read it is settled by the endpoint's roles, not by a bound subject.
     */
    public Uni<Page<AccessLogView>> accessLogUnder(String logKey, String limit, String cursor) {
        return page(logKey, limit, cursor);
    }

    private Uni<Page<AccessLogView>> page(String logKey, String limit, String cursor) {
        String query = "access-log|" + logKey;
        PageRequest page = PageRequest.parse(limit, cursor, query, 2);
        Optional<List<String>> after = page.after(key -> List.of(OffsetDateTime.parse(key.get(0)).toString(), Long.toString(Long.parseLong(key.get(1)))));
        return repository.findBySubject(logKey, after.map(k -> OffsetDateTime.parse(k.get(0))), after.map(k -> Long.parseLong(k.get(1))),
                        page.fetchSize())
                .map(rows -> Page.of(rows, page, query, row -> List.of(row.occurredAt().toString(), row.id())));
    }
}
