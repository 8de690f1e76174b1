package cn.opencredit.gateway.objection;

import jakarta.enterprise.context.ApplicationScoped;

import cn.opencredit.gateway.timeline.Workflow;
import cn.opencredit.gateway.timeline.WorkflowTimeLimit;

/** The source department decides an objection within the configured working days. */
@ApplicationScoped
class ObjectionTimeLimit implements WorkflowTimeLimit {

    private final ObjectionConfig config;

    ObjectionTimeLimit(ObjectionConfig config) {
        this.config = config;
    }

    @Override
    public Workflow workflow() {
        return Workflow.OBJECTION;
    }

    @Override
    public int workingDays() {
        return config.decideWithinWorkingDays();
    }
}
