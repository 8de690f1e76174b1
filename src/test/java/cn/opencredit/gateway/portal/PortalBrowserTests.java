package cn.opencredit.gateway.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import cn.opencredit.gateway.subject.SubjectFixtures;

/**
 * The portal in a real browser: Debian's chromium driven by Playwright for Java, one test per page
 * flow. Every page visited is checked by axe-core (no serious or critical violation) and
 * photographed full-page under target/portal-screenshots/ for review.
 */
@QuarkusTest
class PortalBrowserTests {

    /** Debian's chromium (bin/services installs it); another with -Dportal.chromium=/path. */
    private static final Path CHROMIUM = Path.of(System.getProperty("portal.chromium", "/usr/bin/chromium"));
    private static final Path SCREENSHOTS = Path.of("target", "portal-screenshots");
    private static final List<String> BLOCKING = List.of("serious", "critical");

    private static Playwright playwright;
    private static Browser browser;

    @TestHTTPResource("/")
    URL base;

    @Inject
    SubjectFixtures fixtures;

    @Inject
    AgroalDataSource dataSource;

    private BrowserContext context;
    private Page page;

    @BeforeAll
    static void launch() throws IOException {
        assertTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is not installed: run bin/services (it installs Debian's chromium)");
        Files.createDirectories(SCREENSHOTS);
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void open() {
        fixtures.ensureLoaded();
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("zh-CN"));
        context.setDefaultTimeout(15_000);
        page = context.newPage();
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    @Test
    void searchByANameFragmentFindsTheSubject() {
        page.navigate(url("/"));
        checked("01-home");
        page.getByLabel("企业名称或统一社会信用代码").fill("恒通物流");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查询")).click();
        page.waitForURL("**/search?q=*");
        checked("02-search");
        page.getByText("石河子恒通物流有限公司").first().click();
        page.waitForURL("**/subjects/" + SubjectFixtures.RICH);
        assertEquals("石河子恒通物流有限公司", page.locator("h1").textContent());
    }

    @Test
    void theSubjectPageLeadsToItsRecordsByCategoryAndToTheObjection() {
        page.navigate(url("/subjects/" + SubjectFixtures.RICH));
        checked("03-subject");
        assertTrue(page.locator("text=红名单：").count() > 0, "the red list membership");
        page.locator("a[href$='/records?category=penalty']").click();
        page.waitForURL("**/records?category=penalty");
        assertEquals("行政处罚", page.locator("main h2").first().textContent());
        checked("04-records-penalty");
        page.navigate(url("/subjects/" + SubjectFixtures.RICH + "/records"));
        page.locator("a[rel=next]").click();
        page.waitForURL("**cursor=*");
        assertTrue(page.locator("article.record").count() > 0, "the second page has records");
        checked("05-records-page-2");
        page.navigate(url("/subjects/" + SubjectFixtures.RICH));
        page.getByText("对该主体的信息提出异议").click();
        page.waitForURL("**/objection");
        checked("06-objection");
    }

    @Test
    void listAndDisclosurePagesFilter() {
        page.navigate(url("/lists/red"));
        page.selectOption("#active", "true");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("筛选")).click();
        page.waitForURL("**active=true*");
        assertTrue(page.locator("table a[href='/subjects/" + SubjectFixtures.RICH + "']").count() > 0, "the current red list entry");
        checked("07-list-red");
        page.navigate(url("/lists/black"));
        checked("08-list-black");
        page.navigate(url("/disclosures"));
        page.selectOption("#category", "penalty");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("浏览")).click();
        page.waitForURL("**category=penalty*");
        checked("09-disclosures");
    }

    @Test
    void statisticsDrawTheirChartsBesideTheirTables() throws SQLException {
        refreshStatistics();
        page.navigate(url("/statistics"));
        // Timeliness and the lists have figures from the fixtures; repairs, objections and loans may have none.
        assertTrue(page.locator("[data-chart]").count() >= 2, "at least the timeliness and list charts");
        page.waitForFunction("[...document.querySelectorAll('[data-chart]')].every(chart => chart.querySelector('canvas'))");
        assertEquals(4, page.locator("section table").count());
        checked("10-statistics");
    }

    @Test
    void onAPhoneThePagesFitTheScreen() {
        BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(375, 740).setLocale("zh-CN")
                .setIsMobile(true).setHasTouch(true).setDeviceScaleFactor(2));
        try {
            Page small = phone.newPage();
            for (String[] visit : new String[][] {{"/", "11-phone-home"}, {"/subjects/" + SubjectFixtures.RICH, "12-phone-subject"},
                    {"/statistics", "13-phone-statistics"}}) {
                small.navigate(url(visit[0]));
                Object overflow = small.evaluate("document.documentElement.scrollWidth - window.innerWidth");
                assertTrue(((Number) overflow).intValue() <= 0, visit[0] + " scrolls sideways on a phone by " + overflow + " px");
                checked(small, visit[1]);
            }
        } finally {
            phone.close();
        }
    }

    @Test
    void withoutJavaScriptTheLookupStillWorks() {
        BrowserContext plain = browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false).setLocale("zh-CN"));
        try {
            Page noScript = plain.newPage();
            noScript.navigate(url("/"));
            noScript.getByLabel("企业名称或统一社会信用代码").fill("恒通");
            noScript.locator("form.search button").click();
            noScript.waitForURL("**/search?q=*");
            assertTrue(noScript.locator("a[href='/subjects/" + SubjectFixtures.RICH + "']").count() > 0, "a server-rendered hit");
        } finally {
            plain.close();
        }
    }

    @Test
    void refusalsArePagesToo() {
        page.navigate(url("/subjects/" + SubjectFixtures.UNREGISTERED));
        assertEquals("未找到该信用主体", page.locator("h1").textContent());
        checked("14-not-found");
    }

    /** The 双公示 read models are refreshed on a schedule; a refresh already under way refuses a second one (false). */
    private void refreshStatistics() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (int attempt = 0; attempt < 50; attempt++) {
                try (ResultSet result = statement.executeQuery("SELECT stats_refresh()")) {
                    if (result.next() && result.getBoolean(1)) {
                        return;
                    }
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    private void checked(String name) {
        checked(page, name);
    }

    /** Photographs the page and fails on any serious or critical axe-core violation. */
    private static void checked(Page on, String name) {
        on.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
        List<Rule> blocking = new AxeBuilder(on).analyze().getViolations().stream().filter(rule -> BLOCKING.contains(rule.getImpact())).toList();
        assertTrue(blocking.isEmpty(), name + " (" + on.url() + ") has accessibility violations:\n" + blocking.stream()
                .map(rule -> rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n")));
    }
}
