package cn.opencredit.gateway.creditcheck;

import java.util.List;

import jakarta.inject.Singleton;

import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.problem.ProblemType;
import cn.opencredit.gateway.shared.security.ApiClient;

/** The 联合奖惩 measures catalogue: read by everyone, kept by the platform's operators. */
@Singleton
public class MeasureService {

    private final CreditCheckRepository repository;

    MeasureService(CreditCheckRepository repository) {
        this.repository = repository;
    }

    public Uni<List<MeasureView>> measures() {
        return repository.measures().map(all -> all.stream().map(Measure::view).toList());
    }

    /** A measure created or replaced, and whether it was created. */
    public record Stored(MeasureView measure, boolean created) {
    }

    /** Creates the measure under {@code code}, or replaces it when the version sent is the stored one (409 when stale). */
    public Uni<Stored> store(String code, MeasureRequest request, ApiClient operator) {
        CreditCheckPolicies.ParsedMeasure parsed = CreditCheckPolicies.measure(code, request);
        parsed.verdict().orThrow();
        Measure measure = parsed.measure();
        return repository.measure(code).chain(existing -> {
            boolean create = existing.isEmpty();
            return repository.store(measure, operator.consumerId(), create).map(stored -> stored
                    .map(m -> new Stored(m.view(), create))
                    .orElseThrow(() -> new ProblemException(ProblemType.CONFLICT, create ? "Measure " + code + " was created meanwhile; read it and send "
                            + "its version" : "Measure " + code + " changed since version " + measure.version() + "; read it again")));
        });
    }
}
