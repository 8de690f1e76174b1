package cn.opencredit.gateway.quickstart;

import static cn.opencredit.gateway.quickstart.BankQuickstart.client;

import java.time.LocalDate;
import java.util.List;

import cn.opencredit.client.ApiClient;
import cn.opencredit.client.ApiException;
import cn.opencredit.client.api.AccessApi;
import cn.opencredit.client.api.AuditApi;
import cn.opencredit.client.api.ChangefeedApi;
import cn.opencredit.client.api.EvaluationApi;
import cn.opencredit.client.api.IngestionApi;
import cn.opencredit.client.api.RecordApi;
import cn.opencredit.client.model.AccessLogPage;
import cn.opencredit.client.model.ApiConsumer;
import cn.opencredit.client.model.ChangePage;
import cn.opencredit.client.model.ConsumerRequest;
import cn.opencredit.client.model.ConsumerType;
import cn.opencredit.client.model.CreditRecordPage;
import cn.opencredit.client.model.Evaluation;
import cn.opencredit.client.model.Grade;
import cn.opencredit.client.model.IngestionBatch;
import cn.opencredit.client.model.IngestionRecord;
import cn.opencredit.client.model.IngestionReport;
import cn.opencredit.client.model.IssuedKey;
import cn.opencredit.client.model.KeyRequest;
import cn.opencredit.client.model.SubjectSummary;

/**
 * The first calls of the other consumer types with the generated Java client, quoted in
 * docs/quickstart/&lt;type&gt;.md between the {@code quickstart:} markers (see {@link BankQuickstart}).
 * {@link QuickstartClientTests} runs each and checks what it answered.
 */
final class ConsumerQuickstarts {

    private ConsumerQuickstarts() {
    }

    record AgencyReads(CreditRecordPage records, ChangePage changes) {
    }

    static AgencyReads creditAgency(String baseUrl, String agencyKey, String uscc) throws ApiException {
        // quickstart:begin credit-agency
        // One page of a subject's records, and the first changes of the feed.
        ApiClient asAgency = client(baseUrl, agencyKey);
        CreditRecordPage records = new RecordApi(asAgency).listSubjectRecords(uscc, null, null, 5, null, "credit-rating", null);
        ChangePage changes = new ChangefeedApi(asAgency).listChanges(null, 5, null);
        // quickstart:end credit-agency
        return new AgencyReads(records, changes);
    }

    record AppDecision(Evaluation evaluation, boolean eligible) {
    }

    static AppDecision app(String baseUrl, String appKey, String uscc) throws ApiException {
        // quickstart:begin app
        // The enterprise's public credit grade, to decide the incentive.
        Evaluation evaluation = new EvaluationApi(client(baseUrl, appKey)).getSubjectEvaluation(uscc, null, "incentive", null);
        boolean eligible = evaluation.getGrade() == Grade.A;
        // quickstart:end app
        return new AppDecision(evaluation, eligible);
    }

    static IngestionReport department(String baseUrl, String departmentKey, String departmentUscc, SubjectSummary subject, String decision,
            String idempotencyKey) throws ApiException {
        // quickstart:begin department
        // A batch of one licence; the report says, per row, what became of it.
        IngestionReport report = new IngestionApi(client(baseUrl, departmentKey)).ingestRecords(new IngestionBatch().rows(List.of(
                new IngestionRecord().sourceRecordId(decision).category(IngestionRecord.CategoryEnum.LICENCE)
                        .subjectName(subject.getName()).subjectUscc(subject.getUscc()).subjectCategory("法人及非法人组织")
                        .decisionNumber(decision).title("食品经营许可证").decisionDate(LocalDate.now())
                        .content("预包装食品销售（含冷藏冷冻食品）")
                        .sourceDepartment("石河子市市场监督管理局").sourceDepartmentUscc(departmentUscc))), null, idempotencyKey, null);
        // quickstart:end department
        return report;
    }

    record SelfReads(Evaluation evaluation, AccessLogPage lookups) {
    }

    static SelfReads subject(String baseUrl, String selfKey, String uscc) throws ApiException {
        // quickstart:begin subject
        // Your own evaluation, with the score and every contribution, and who looked you up.
        ApiClient asSelf = client(baseUrl, selfKey);
        Evaluation evaluation = new EvaluationApi(asSelf).getSubjectEvaluation(uscc, null, null, null);
        AccessLogPage lookups = new AuditApi(asSelf).getSubjectAccessLog(uscc, null, 10, null);
        // quickstart:end subject
        return new SelfReads(evaluation, lookups);
    }

    record Revoked(ApiConsumer app, IssuedKey issued) {
    }

    static Revoked operator(String baseUrl, String operatorKey) throws ApiException {
        // quickstart:begin operator
        // A consumer, its key issued, then revoked.
        AccessApi admin = new AccessApi(client(baseUrl, operatorKey));
        ApiConsumer app = admin.createConsumer(new ConsumerRequest().name("信易游 景区门票").type(ConsumerType.APP).plan("standard"), null);
        IssuedKey issued = admin.issueKey(app.getId().toString(), null, new KeyRequest());
        admin.revokeKey(app.getId().toString(), issued.getId().toString(), null);
        // quickstart:end operator
        return new Revoked(app, issued);
    }
}
