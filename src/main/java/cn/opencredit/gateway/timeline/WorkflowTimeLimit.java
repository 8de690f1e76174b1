package cn.opencredit.gateway.timeline;

/**
 * How many working days the answerable department has to decide a case of one workflow after it
 * was opened: the workflows that have such a limit provide one, for the overdue count of the
 * workflow statistics.
 */
public interface WorkflowTimeLimit {

    Workflow workflow();

    int workingDays();
}
