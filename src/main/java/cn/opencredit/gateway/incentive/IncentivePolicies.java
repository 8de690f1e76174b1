package cn.opencredit.gateway.incentive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Deciding one scenario for one subject: every condition evaluated on its own, so that each one failed is explained. */
final class IncentivePolicies {

    private IncentivePolicies() {
    }

    static EligibilityView.ScenarioEligibility check(IncentiveRepository.Stored scenario, List<IncentiveRules.Compiled> conditions,
            Map<String, Object> variables) {
        List<EligibilityView.UnmetCondition> unmet = new ArrayList<>();
        for (IncentiveRules.Compiled condition : conditions) {
            IncentiveRules.Outcome outcome = IncentiveRules.evaluate(condition, variables);
            if (!outcome.held()) {
                unmet.add(new EligibilityView.UnmetCondition(condition.source().name(), condition.source().reasonZh(), outcome.facts(),
                        outcome.measured(), outcome.error()));
            }
        }
        return new EligibilityView.ScenarioEligibility(scenario.code(), scenario.name(), scenario.provider(), scenario.benefit(), unmet.isEmpty(),
                List.copyOf(unmet));
    }
}
