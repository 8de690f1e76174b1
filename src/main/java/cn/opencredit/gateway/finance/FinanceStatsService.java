package cn.opencredit.gateway.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.access.ConsumerService;
import cn.opencredit.gateway.access.ConsumerView;
import cn.opencredit.gateway.shared.money.Money;
import cn.opencredit.gateway.shared.problem.FieldError;
import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.web.QueryParameters;

/** 信易贷 statistics for the platform's operators: reads only. */
@ApplicationScoped
public class FinanceStatsService {

    private static final int SHARE_SCALE = 4;

    private final FinanceStatsRepository repository;
    private final ConsumerService consumers;

    FinanceStatsService(FinanceStatsRepository repository, ConsumerService consumers) {
        this.repository = repository;
        this.consumers = consumers;
    }

    /** Demands, answers, loans and amounts in the range (every day when open), in all and by bank, region and month. */
    public Uni<FinanceStatsView> statistics(String from, String to) {
        List<FieldError> errors = new ArrayList<>();
        Optional<LocalDate> first = QueryParameters.date(from, "from", errors);
        Optional<LocalDate> last = QueryParameters.date(to, "to", errors);
        QueryParameters.ordered(first, "from", last, errors);
        QueryParameters.rejectIfAny(errors);
        LocalDate start = first.orElse(QueryParameters.EARLIEST_DATE);
        LocalDate end = last.orElse(QueryParameters.LATEST_DATE);
        return repository.counts(start, end).chain(counts -> repository.medianDaysToLoan(start, end).chain(median -> {
            List<FinanceStatsView.RegionFigures> regions = of(counts, FinanceStatsRepository.Grouping.REGION).stream()
                    .map(row -> new FinanceStatsView.RegionFigures(row.region(), figures(row))).toList();
            List<FinanceStatsView.MonthFigures> months = of(counts, FinanceStatsRepository.Grouping.MONTH).stream()
                    .map(row -> new FinanceStatsView.MonthFigures(row.month(), figures(row))).toList();
            // Demands are no bank's: their rows of the bank grouping carry no bank.
            List<FinanceStatsRepository.Counts> banks = of(counts, FinanceStatsRepository.Grouping.BANK).stream()
                    .filter(row -> row.bank() != null).toList();
            FinanceStatsView.Figures all = figures(of(counts, FinanceStatsRepository.Grouping.TOTAL).stream().findFirst().orElse(null));
            return named(banks).map(byBank -> new FinanceStatsView(first.orElse(null), last.orElse(null), all, median, byBank, regions, months));
        }));
    }

    private static List<FinanceStatsRepository.Counts> of(List<FinanceStatsRepository.Counts> counts, FinanceStatsRepository.Grouping grouping) {
        return counts.stream().filter(row -> row.grouping() == grouping).toList();
    }

    /** Each bank with its name, one after the other in one session. */
    private Uni<List<FinanceStatsView.BankFigures>> named(List<FinanceStatsRepository.Counts> banks) {
        if (banks.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.withSession(() -> {
            Uni<List<FinanceStatsView.BankFigures>> all = Uni.createFrom().item(new ArrayList<>());
            for (FinanceStatsRepository.Counts row : banks) {
                all = all.chain(list -> name(row.bank()).map(name -> {
                    list.add(new FinanceStatsView.BankFigures(row.bank(), name, figures(row)));
                    return list;
                }));
            }
            return all;
        });
    }

    private Uni<String> name(UUID bank) {
        return consumers.get(bank).map(ConsumerView::name).onFailure(ProblemException.class).recoverWithItem(bank.toString());
    }

    private static FinanceStatsView.Figures figures(FinanceStatsRepository.Counts row) {
        if (row == null) {
            return new FinanceStatsView.Figures(0, Money.of(BigDecimal.ZERO.setScale(2), DemandPolicies.CURRENCY), 0, 0, 0, 0, 0,
                    Money.of(BigDecimal.ZERO.setScale(2), DemandPolicies.CURRENCY), 0, null);
        }
        return new FinanceStatsView.Figures(row.demands(), Money.of(row.demanded().setScale(2), DemandPolicies.CURRENCY), row.offers(),
                row.declines(), row.accepted(), row.loans(), row.refusals(), Money.of(row.lent().setScale(2), DemandPolicies.CURRENCY),
                row.creditLoans(), share(row.creditLoans(), row.loans()));
    }

    /** part / whole to four decimals; null when nothing was counted, rather than a misleading 0. */
    private static BigDecimal share(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), SHARE_SCALE, RoundingMode.HALF_UP);
    }
}
