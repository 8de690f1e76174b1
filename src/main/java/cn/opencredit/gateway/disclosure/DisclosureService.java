package cn.opencredit.gateway.disclosure;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.shared.paging.Page;
import cn.opencredit.gateway.shared.paging.PageRequest;
import cn.opencredit.gateway.shared.time.ChinaTime;

/**
 * 双公示 and the other administrative actions across all subjects, as the public may see them
 * ({@code RecordVisibility}, the record capability's one rule, in SQL).
 */
@ApplicationScoped
public class DisclosureService {

    private final DisclosureRepository repository;
    private final Clock clock;

    DisclosureService(DisclosureRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** One page, newest decision first (ties: newest id first). */
    public Uni<Page<DisclosureView>> disclosures(String category, String department, String region, String from, String to, String limit,
            String cursor) {
        DisclosureQuery query = DisclosureQuery.parse(category, department, region, from, to);
        Log.debugf("disclosures %s", query);
        String fingerprint = query.fingerprint();
        PageRequest page = PageRequest.parse(limit, cursor, fingerprint, 2);
        Optional<DisclosureRepository.Position> after = page.after(key -> new DisclosureRepository.Position(LocalDate.parse(key.get(0)),
                Long.parseLong(key.get(1))));
        LocalDate today = ChinaTime.today(clock);
        return repository.page(query, after, today, page.fetchSize())
                .map(rows -> Page.of(rows, page, fingerprint, row -> List.of(row.record().decisionDate().toString(), row.record().id())));
    }
}
