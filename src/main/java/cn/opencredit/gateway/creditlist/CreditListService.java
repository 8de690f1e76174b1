package cn.opencredit.gateway.creditlist;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/** Red/black and other list memberships. */
@ApplicationScoped
public class CreditListService {

    private final CreditListRepository repository;
    private final Clock clock;

    CreditListService(CreditListRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public Uni<List<ListMembershipView>> currentMemberships(long subjectId) {
        return repository.findCurrent(subjectId, OffsetDateTime.now(clock));
    }
}
