package cn.opencredit.gateway.registration;

import jakarta.enterprise.context.ApplicationScoped;

import cn.opencredit.gateway.timeline.Workflow;
import cn.opencredit.gateway.timeline.WorkflowTimeLimit;

/** The routed department verifies a voluntary registration within the configured working days. */
@ApplicationScoped
class RegistrationTimeLimit implements WorkflowTimeLimit {

    private final RegistrationConfig config;

    RegistrationTimeLimit(RegistrationConfig config) {
        this.config = config;
    }

    @Override
    public Workflow workflow() {
        return Workflow.REGISTRATION;
    }

    @Override
    public int workingDays() {
        return config.verifyWithinWorkingDays();
    }
}
