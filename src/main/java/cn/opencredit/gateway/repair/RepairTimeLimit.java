package cn.opencredit.gateway.repair;

import jakarta.enterprise.context.ApplicationScoped;

import cn.opencredit.gateway.timeline.Workflow;
import cn.opencredit.gateway.timeline.WorkflowTimeLimit;

/** The authority that made the finding decides a repair application within the configured working days. */
@ApplicationScoped
class RepairTimeLimit implements WorkflowTimeLimit {

    private final RepairConfig config;

    RepairTimeLimit(RepairConfig config) {
        this.config = config;
    }

    @Override
    public Workflow workflow() {
        return Workflow.REPAIR;
    }

    @Override
    public int workingDays() {
        return config.decideWithinWorkingDays();
    }
}
