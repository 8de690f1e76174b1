package cn.opencredit.gateway.finance;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
class FeaturedRepository implements PanacheRepositoryBase<FeaturedEnterprise, Long> {

    Uni<FeaturedEnterprise> findForUpdate(long subjectId) {
        return findById(subjectId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Every enterprise opted in now (finance_featured_opted_in). */
    Uni<List<FeaturedEnterprise>> optedIn() {
        return list("optedOutAt IS NULL");
    }
}
