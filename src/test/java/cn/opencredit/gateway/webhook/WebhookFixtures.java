package cn.opencredit.gateway.webhook;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

import cn.opencredit.gateway.access.AccessFixtures;
import cn.opencredit.gateway.access.ConsumerType;
import cn.opencredit.gateway.subject.SubjectFixtures;

/**
 * What webhook tests need: banks with keys, enterprises that consent to being watched, failings
 * written through the gateway's own API, and a receiver the test runs on a random local port.
 */
@ApplicationScoped
public class WebhookFixtures {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /**
     * The receivers' own Vert.x, apart from the gateway's: a second server on the gateway's
     * instance would register its HTTP metrics under the gateway's meter names.
     */
    private static final Vertx RECEIVERS = Vertx.vertx();

    private final AgroalDataSource dataSource;
    private final SubjectFixtures subjects;

    WebhookFixtures(AgroalDataSource dataSource, SubjectFixtures subjects) {
        this.dataSource = dataSource;
        this.subjects = subjects;
    }

    record Bank(String id, String key) {
    }

    record Enterprise(String uscc, String name, long id, String key) {
    }

    Bank bank() {
        String id = AccessFixtures.createConsumer("贷后监测测试银行" + SEQUENCE.incrementAndGet(), ConsumerType.BANK, null, null, "standard");
        return new Bank(id, AccessFixtures.issueKey(id));
    }

    Enterprise enterprise() {
        subjects.ensureLoaded();
        String uscc = SubjectFixtures.uscc("91", "MAWH%04d".formatted(SEQUENCE.incrementAndGet()));
        String name = "石河子贷后监测测试（" + uscc.substring(12, 16) + "）有限公司";
        subjects.register(uscc, name);
        String key = AccessFixtures.issueKey(AccessFixtures.createConsumer("企业 " + uscc, ConsumerType.SUBJECT, uscc, null, "standard"));
        return new Enterprise(uscc, name, scalar("SELECT id FROM subject WHERE uscc = ?", uscc), key);
    }

    static RequestSpecification as(String key) {
        return given().header("Authorization", AccessFixtures.bearer(key)).contentType(ContentType.JSON);
    }

    /** The enterprise authorises the bank to watch it after the loan, for {@code categories}; answers the consent id. */
    static String consent(Enterprise e, Bank bank, List<String> categories) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subjectUscc", e.uscc());
        body.put("granteeId", bank.id());
        body.put("purpose", "post-loan-monitoring");
        body.put("categories", categories);
        body.put("validUntil", TODAY.plusMonths(6).toString());
        body.put("reference", "DH-" + e.uscc().substring(10));
        return as(e.key()).body(body).when().post("/api/v1/consents").then().statusCode(201).extract().path("id");
    }

    static void revoke(Enterprise e, String consentId) {
        as(e.key()).body(Map.of("version", 0, "reason", "贷款已结清")).when().post("/api/v1/consents/{id}/revocation", consentId)
                .then().statusCode(200);
    }

    /** Registers an endpoint; answers its id and the secret shown once. */
    static Map<String, String> endpoint(Bank bank, String url, List<String> eventTypes) {
        var created = as(bank.key()).body(Map.of("url", url, "description", "贷后监测测试", "eventTypes", eventTypes))
                .when().post("/api/v1/webhook-endpoints").then().statusCode(201).extract();
        return Map.of("id", created.path("id"), "secret", created.path("secret"));
    }

    /** A general penalty of the fixture department, decided three days ago, ingested through the API. */
    static void penalise(Enterprise e, String sourceRecordId, String disclosureLevel) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("sourceRecordId", sourceRecordId);
        row.put("category", "penalty");
        row.put("subjectName", e.name());
        row.put("subjectUscc", e.uscc());
        row.put("subjectCategory", "法人及非法人组织");
        row.put("decisionNumber", "石市监罚〔2026〕" + sourceRecordId + "号");
        row.put("title", "行政处罚决定书");
        row.put("decisionDate", TODAY.minusDays(3).toString());
        row.put("content", "贷后监测测试");
        row.put("legalBasis", "《测试办法》第一条");
        row.put("severity", "general");
        row.put("amount", "5000.00");
        row.put("currency", "CNY");
        row.put("sourceDepartment", SubjectFixtures.DEPARTMENT);
        row.put("sourceDepartmentUscc", SubjectFixtures.DEPARTMENT_USCC);
        if (disclosureLevel != null) {
            row.put("disclosureLevel", disclosureLevel);
        }
        as(AccessFixtures.OPERATOR_KEY).body(Map.of("rows", List.of(row))).when().post("/api/v1/ingest/records")
                .then().statusCode(200);
    }

    /** What one POST to the receiver carried, and when it arrived. */
    record Received(String id, String timestamp, String signature, String contentType, String body, long arrivedAtMillis) {
    }

    /** A local receiver: records every request and answers the scripted statuses in turn, then {@code otherwise}. */
    final class Receiver implements AutoCloseable {

        final List<Received> received = new CopyOnWriteArrayList<>();
        private final Deque<Integer> script = new ArrayDeque<>();
        private final int otherwise;
        private final HttpServer server;

        Receiver(List<Integer> statuses, int otherwise) {
            script.addAll(statuses);
            this.otherwise = otherwise;
            try {
                server = RECEIVERS.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
                    received.add(new Received(request.getHeader("webhook-id"), request.getHeader("webhook-timestamp"),
                            request.getHeader("webhook-signature"), request.getHeader("content-type"), body.toString(StandardCharsets.UTF_8),
                            System.currentTimeMillis()));
                    Integer status;
                    synchronized (script) {
                        status = script.isEmpty() ? this.otherwise : script.poll();
                    }
                    request.response().setStatusCode(status).end();
                })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the test receiver did not start", e);
            }
        }

        String url() {
            return "http://127.0.0.1:" + server.actualPort() + "/hooks/opencredit";
        }

        @Override
        public void close() throws Exception {
            server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /** A receiver that answers {@code status} to every request. */
    Receiver failingReceiver(int status) {
        return new Receiver(List.of(), status);
    }

    /** A receiver that answers {@code first} in turn, then 200. */
    Receiver receiver(Integer... first) {
        return new Receiver(List.of(first), 200);
    }

    /** Recomputes a v1 signature with the published algorithm: base64 HMAC-SHA256 of "id.timestamp.body" under the decoded secret. */
    static String sign(String secret, String id, String timestamp, String body) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    static void await(Duration patience, BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            sleep(50);
        }
        throw new AssertionError("not within " + patience + ": " + what);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    long scalar(String sql, Object... args) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : -1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    String text(String sql, Object... args) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    int execute(String sql, Object... args) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
