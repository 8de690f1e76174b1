package cn.opencredit.gateway.changefeed;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.restassured.response.Response;

import cn.opencredit.gateway.access.AccessFixtures;
import cn.opencredit.gateway.access.ConsumerType;

/** What a feed consumer sees of a write: the cursor after everything now, and the change a write made once it is sequenced. */
@ApplicationScoped
public class ChangeFeedProbe {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final AgroalDataSource dataSource;
    private final AccessFixtures access;

    ChangeFeedProbe(AgroalDataSource dataSource, AccessFixtures access) {
        this.dataSource = dataSource;
        this.access = access;
    }

    /** The feed cursor after everything there is now. */
    public String head() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT coalesce(max(position), 0)::text FROM changefeed_change")) {
            row.next();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(("changes:" + row.getString(1)).getBytes(StandardCharsets.UTF_8));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first change of the feed after {@code after} about the {@code kind} with {@code id}, waiting for it to be sequenced. */
    public Map<String, Object> item(String after, String kind, String id) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String cursor = after;
        List<Map<String, Object>> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            Response page = given().header("Authorization", AccessFixtures.bearer(access.key(ConsumerType.CREDIT_AGENCY)))
                    .queryParam("after", cursor).queryParam("limit", 1000).when().get("/api/v1/changes");
            page.then().statusCode(200);
            List<Map<String, Object>> items = page.path("items");
            seen.addAll(items);
            for (Map<String, Object> item : items) {
                if (kind.equals(item.get("kind")) && id.equals(item.get("id"))) {
                    return item;
                }
            }
            cursor = page.path("nextCursor");
            if (items.isEmpty()) {
                sleep();
            }
        }
        throw new AssertionError("no change of " + kind + " " + id + " in the feed: " + seen);
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
