package cn.opencredit.gateway.quickstart;

import java.time.LocalDate;
import java.util.List;

import cn.opencredit.client.ApiClient;
import cn.opencredit.client.ApiException;
import cn.opencredit.client.api.AccessApi;
import cn.opencredit.client.api.AuditApi;
import cn.opencredit.client.api.ConsentApi;
import cn.opencredit.client.api.FinanceApi;
import cn.opencredit.client.api.ProfileApi;
import cn.opencredit.client.api.RecordApi;
import cn.opencredit.client.api.SubjectApi;
import cn.opencredit.client.model.AccessLogPage;
import cn.opencredit.client.model.ApiConsumer;
import cn.opencredit.client.model.Consent;
import cn.opencredit.client.model.ConsentCategory;
import cn.opencredit.client.model.ConsentPurpose;
import cn.opencredit.client.model.ConsentRequest;
import cn.opencredit.client.model.ConsumerRequest;
import cn.opencredit.client.model.ConsumerType;
import cn.opencredit.client.model.CreditRecordPage;
import cn.opencredit.client.model.FinancePackage;
import cn.opencredit.client.model.KeyRequest;
import cn.opencredit.client.model.SubjectProfile;
import cn.opencredit.client.model.SubjectType;

/**
 * The README's and docs/quickstart/bank.md's bank flow (信易贷) with the generated Java client, as an
 * integrator writes it: nothing here knows the gateway's own classes. The regions between
 * {@code quickstart:begin} and {@code quickstart:end} are quoted in docs/quickstart/*.md word for
 * word (QuickstartDocsTests compares them), so the documentation runs whenever the tests do.
 */
public final class BankQuickstart {

    /** What one run of the flow produced, for the test to check against the database and the API. */
    public record Outcome(String bankId, String bankKey, String uscc, String subjectKey, Consent consent, FinancePackage pulled,
            SubjectProfile profile, CreditRecordPage records, AccessLogPage accessLog) {
    }

    private final String baseUrl;

    /** @param baseUrl the gateway's root, e.g. {@code http://localhost:8080} */
    public BankQuickstart(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    // quickstart:begin client
    /** A client for the gateway at baseUrl that sends the key on every call. */
    static ApiClient client(String baseUrl, String key) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(baseUrl);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + key));
        return client;
    }
    // quickstart:end client

    public Outcome run(String operatorKey) throws ApiException {
        // quickstart:begin operator
        // The operator (信用办) registers the bank and issues its key; the key is shown only once.
        AccessApi admin = new AccessApi(client(baseUrl, operatorKey));
        ApiConsumer bank = admin.createConsumer(new ConsumerRequest().name("中国工商银行滑县支行").type(ConsumerType.BANK), null);
        String bankKey = admin.issueKey(bank.getId().toString(), null, new KeyRequest()).getKey();
        // quickstart:end operator

        // quickstart:begin enterprise
        // An enterprise applying for the loan: found by name, and given a key bound to its USCC.
        String uscc = new SubjectApi(client(baseUrl, operatorKey))
                .searchSubjects(null, 1, null, null, SubjectType.ENTERPRISE, null).getItems().getFirst().getUscc();
        ApiConsumer enterprise = admin.createConsumer(
                new ConsumerRequest().name("企业 " + uscc).type(ConsumerType.SUBJECT).boundUscc(uscc), null);
        String enterpriseKey = admin.issueKey(enterprise.getId().toString(), null, new KeyRequest()).getKey();

        // The enterprise consents (授权) to the bank reading its profile, evaluation and records for six months.
        Consent consent = new ConsentApi(client(baseUrl, enterpriseKey)).grantConsent(new ConsentRequest()
                .subjectUscc(uscc)
                .granteeId(bank.getId())
                .purpose(ConsentPurpose.LOAN_APPLICATION)
                .categories(List.of(ConsentCategory.PROFILE, ConsentCategory.EVALUATION, ConsentCategory.AUTHORISED_RECORDS))
                .validUntil(LocalDate.now().plusMonths(6))
                .reference("ICBC-HX-2026-000812"), null, null);
        // quickstart:end enterprise

        // quickstart:begin pull
        // The bank pulls the 信易贷 package: everything the consent covers, in one answer.
        ApiClient asBank = client(baseUrl, bankKey);
        FinancePackage pulled = new FinanceApi(asBank).getFinancePackage(uscc, null, null, null);
        // And reads the profile and the records, declaring why (X-Purpose; it goes to the enterprise's access log).
        SubjectProfile profile = new ProfileApi(asBank).getSubjectProfile(uscc, null, "loan-application", null);
        CreditRecordPage records = new RecordApi(asBank).listSubjectRecords(uscc, null, null, 5, null, "loan-application", null);
        // quickstart:end pull

        // quickstart:begin access-log
        // The enterprise sees who looked it up (查询记录): the bank's pull is there, with the consent it used.
        AccessLogPage accessLog = new AuditApi(client(baseUrl, enterpriseKey)).getSubjectAccessLog(uscc, null, 10, null);
        // quickstart:end access-log

        return new Outcome(bank.getId().toString(), bankKey, uscc, enterpriseKey, consent, pulled, profile, records, accessLog);
    }
}
