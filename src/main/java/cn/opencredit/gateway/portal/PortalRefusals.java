package cn.opencredit.gateway.portal;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import cn.opencredit.gateway.shared.problem.ProblemDetail;
import cn.opencredit.gateway.shared.web.CacheControlFilter;

/**
 * Turns the gateway's problem answers to a portal page into a page in Chinese with the same status:
 * a malformed USCC, filter or page cursor (400), an unknown subject (404), the rate limiter's
 * refusal (429, with its {@code Retry-After}), an unavailable database (503). One place for all of
 * them, because some are refused before the page's method runs (the limiter, in a request filter).
 * Never stored by caches: a refusal says nothing lasting about the page.
 */
@ApplicationScoped
public class PortalRefusals {

    private static final MediaType HTML = MediaType.valueOf(PortalResource.HTML);

    /**
     * The portal's own paths. Matched on the path rather than on the resource the router chose: the
     * limiter refuses in a request filter, where the answer carries no resource of its own.
     */
    private static final Pattern PAGES = Pattern.compile("/(|search|subjects/[^/]+(/records|/objection)?|lists/(red|black)|disclosures|statistics)");

    /**
     * Below the default priority, so that it runs after every other response filter (response filters
     * run from the highest priority down): the access log's filter may replace a page by a 503 problem.
     */
    @ServerResponseFilter(priority = Priorities.USER - 100)
    public void asPage(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof ProblemDetail problem) || !PAGES.matcher(request.getUriInfo().getPath()).matches()) {
            return;
        }
        int status = problem.status();
        String html = PortalResource.Templates.error(status, heading(status), message(status),
                problem.errors() == null ? List.of() : problem.errors()).render();
        response.setEntity(html, new Annotation[0], HTML);
        response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, PortalResource.HTML);
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, CacheControlFilter.NEVER_STORE);
    }

    static String heading(int status) {
        return switch (status) {
            case 400 -> "请求参数有误";
            case 404 -> "未找到该信用主体";
            case 429 -> "访问过于频繁";
            case 503 -> "服务暂时不可用";
            default -> "无法显示该页面";
        };
    }

    static String message(int status) {
        return switch (status) {
            case 400 -> "请检查统一社会信用代码、筛选条件或页码后重试。";
            case 404 -> "平台未登记使用该统一社会信用代码的主体，请核对代码或按名称搜索。";
            case 429 -> "您的访问过于频繁，请稍后再试。";
            case 503 -> "服务繁忙，请稍后再试。";
            default -> "请稍后再试。";
        };
    }
}
