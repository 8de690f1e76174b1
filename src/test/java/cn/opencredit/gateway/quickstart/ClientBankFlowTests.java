package cn.opencredit.gateway.quickstart;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import cn.opencredit.client.ApiException;
import cn.opencredit.client.api.FinanceApi;
import cn.opencredit.client.model.AccessLogEntry;
import cn.opencredit.client.model.ConsentCategory;
import cn.opencredit.client.model.CreditRecord;
import cn.opencredit.gateway.access.AccessFixtures;
import cn.opencredit.gateway.access.ConsumerType;
import cn.opencredit.gateway.subject.SubjectFixtures;

/**
 * The README's bank flow with the client generated from openapi/openapi.yaml, against the running
 * service over HTTP: what a bank's integrator gets from docs/quickstart/bank.md. The generated
 * client is compiled with the tests, so a contract it cannot be generated or compiled from fails
 * the build before this test runs.
 */
@QuarkusTest
class ClientBankFlowTests {

    @TestHTTPResource("")
    URL root;

    private final AgroalDataSource dataSource;
    private final SubjectFixtures subjects;

    ClientBankFlowTests(AgroalDataSource dataSource, SubjectFixtures subjects) {
        this.dataSource = dataSource;
        this.subjects = subjects;
    }

    private String baseUrl() {
        return root.toString().replaceAll("/$", "");
    }

    @Test
    void aBankPullsWhatTheEnterpriseConsentedToWithTheGeneratedClient() throws Exception {
        subjects.ensureLoaded();
        BankQuickstart.Outcome outcome = new BankQuickstart(baseUrl()).run(AccessFixtures.OPERATOR_KEY);

        assertEquals(outcome.uscc(), outcome.pulled().getUscc());
        assertEquals(outcome.consent().getId(), outcome.pulled().getConsent().getId());
        assertThat(outcome.pulled().getSections(),
                containsInAnyOrder(ConsentCategory.PROFILE, ConsentCategory.EVALUATION, ConsentCategory.AUTHORISED_RECORDS));
        assertNotNull(outcome.pulled().getProfile());
        assertNotNull(outcome.pulled().getEvaluation());
        // Sections the enterprise did not consent to stay out of the answer.
        assertEquals(null, outcome.pulled().getTax());
        assertEquals(outcome.uscc(), outcome.profile().getUscc());
        assertThat(outcome.records().getItems().size(), lessThanOrEqualTo(5));
        for (CreditRecord record : outcome.records().getItems()) {
            assertNotNull(record.getCategory());
        }
        assertThat(outcome.accessLog().getItems().stream().map(AccessLogEntry::getConsentId).toList(),
                hasItem(outcome.consent().getId().toString()));

        assertEquals(1, consentsGrantedTo(outcome.bankId()), "the one consent the flow granted, in the database");
    }

    @Test
    void aBankWithoutConsentIsRefusedWithAProblemTheClientReads() throws Exception {
        subjects.ensureLoaded();
        String otherBank = AccessFixtures.createConsumer("未获授权的银行", ConsumerType.BANK, null, null, "standard");
        FinanceApi finance = new FinanceApi(BankQuickstart.client(baseUrl(), AccessFixtures.issueKey(otherBank)));

        ApiException refused = assertThrows(ApiException.class,
                () -> finance.getFinancePackage(SubjectFixtures.RICH, null, null, null));

        assertEquals(403, refused.getCode());
        assertTrue(refused.getResponseBody().contains("\"type\":\"https://api.opencredit.cn/problems/consent-required\""),
                refused.getResponseBody());
        assertEquals(0, consentsGrantedTo(otherBank));
    }

    private long consentsGrantedTo(String consumerId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM consent WHERE grantee_consumer_id = ?")) {
            query.setObject(1, UUID.fromString(consumerId));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
