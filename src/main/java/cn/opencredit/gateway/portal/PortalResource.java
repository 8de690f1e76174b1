package cn.opencredit.gateway.portal;

import java.util.List;
import java.util.function.Function;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.portal.PortalPages.DisclosureFilters;
import cn.opencredit.gateway.portal.PortalPages.DisclosurePage;
import cn.opencredit.gateway.portal.PortalPages.ListFilters;
import cn.opencredit.gateway.portal.PortalPages.ListPage;
import cn.opencredit.gateway.portal.PortalPages.RecordsPage;
import cn.opencredit.gateway.portal.PortalPages.SearchPage;
import cn.opencredit.gateway.portal.PortalPages.StatisticsPage;
import cn.opencredit.gateway.portal.PortalPages.SubjectPage;
import cn.opencredit.gateway.record.RecordCategory;
import cn.opencredit.gateway.shared.audit.Audited;
import cn.opencredit.gateway.shared.audit.AuditedBulk;
import cn.opencredit.gateway.shared.problem.FieldError;
import cn.opencredit.gateway.shared.security.Scopes;
import cn.opencredit.gateway.shared.uscc.Uscc;

/**
 * The public credit portal (信用网站): server-rendered pages in Chinese for people in a browser. The
 * pages are anonymous reads like the public API's, counted by the same rate limiter against the same
 * anonymous plan; they are not part of the API contract. Every lookup is a plain GET form, so it
 * works without JavaScript; only the statistics' charts need it, and their figures are also tables.
 * Refusals are pages too ({@link PortalRefusals}). A page about one subject is in that subject's
 * access log, a list or search page in the operations log, as the API's reads are: the subject
 * learns of a look-up whether it came through the API or through the portal.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Scopes.PUBLIC_READ, Scopes.ANONYMOUS})
public class PortalResource {

    static final String HTML = MediaType.TEXT_HTML + ";charset=UTF-8";
    /**
     * Pages about subjects are revalidated on every use, as the API's public answers are: credit
     * data changes at any time. The home page and the statistics (recomputed periodically) may be
     * kept a few minutes.
     */
    static final String REVALIDATE = "no-cache";
    static final String FEW_MINUTES = "public, max-age=300";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home();

        static native TemplateInstance search(SearchPage page);

        static native TemplateInstance subject(SubjectPage page);

        static native TemplateInstance records(RecordsPage page, List<RecordCategory> categories);

        static native TemplateInstance objection(SubjectPage page);

        static native TemplateInstance list(ListPage page);

        static native TemplateInstance disclosures(DisclosurePage page, List<RecordCategory> categories);

        static native TemplateInstance statistics(StatisticsPage page);

        static native TemplateInstance error(int status, String heading, String message, List<FieldError> errors);
    }

    private final PortalService portal;

    PortalResource(PortalService portal) {
        this.portal = portal;
    }

    @GET
    public Uni<RestResponse<String>> home() {
        return render(Templates.home(), FEW_MINUTES);
    }

    @GET
    @Path("search")
    @AuditedBulk("portal.search")
    public Uni<RestResponse<String>> search(@QueryParam("q") String q, @QueryParam("cursor") String cursor) {
        return page(portal.search(q, cursor), Templates::search, REVALIDATE);
    }

    @GET
    @Path("subjects/{uscc}")
    @Audited("portal.subject")
    public Uni<RestResponse<String>> subject(@PathParam("uscc") Uscc uscc) {
        return page(portal.subject(uscc), Templates::subject, REVALIDATE);
    }

    @GET
    @Path("subjects/{uscc}/records")
    @Audited("portal.records")
    public Uni<RestResponse<String>> records(@PathParam("uscc") Uscc uscc, @QueryParam("category") String category,
            @QueryParam("cursor") String cursor) {
        return page(portal.records(uscc, category, cursor), page -> Templates.records(page, List.of(RecordCategory.values())), REVALIDATE);
    }

    @GET
    @Path("subjects/{uscc}/objection")
    @Audited("portal.objection")
    public Uni<RestResponse<String>> objection(@PathParam("uscc") Uscc uscc) {
        return page(portal.subject(uscc), Templates::objection, REVALIDATE);
    }

    @GET
    @Path("lists/{type:red|black}")
    @AuditedBulk("portal.list")
    public Uni<RestResponse<String>> list(@PathParam("type") String type, @QueryParam("region") String region,
            @QueryParam("authority") String authority, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("active") String active, @QueryParam("cursor") String cursor) {
        return page(portal.list(type, new ListFilters(blankless(region), blankless(authority), blankless(from), blankless(to), blankless(active)),
                cursor), Templates::list, REVALIDATE);
    }

    @GET
    @Path("disclosures")
    @AuditedBulk("portal.disclosures")
    public Uni<RestResponse<String>> disclosures(@QueryParam("department") String department, @QueryParam("category") String category,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("cursor") String cursor) {
        DisclosureFilters filters = new DisclosureFilters(blankless(department), blankless(category), blankless(from), blankless(to));
        return page(portal.disclosures(filters, cursor), page -> Templates.disclosures(page, disclosureCategories()), REVALIDATE);
    }

    @GET
    @Path("statistics")
    @AuditedBulk("portal.statistics")
    public Uni<RestResponse<String>> statistics() {
        return page(portal.statistics(), Templates::statistics, FEW_MINUTES);
    }

    private static <T> Uni<RestResponse<String>> page(Uni<T> model, Function<T, TemplateInstance> template, String cacheControl) {
        return model.chain(page -> render(template.apply(page), cacheControl));
    }

    private static Uni<RestResponse<String>> render(TemplateInstance template, String cacheControl) {
        return template.createUni().map(html -> RestResponse.ResponseBuilder.ok(html)
                .header(HttpHeaders.CONTENT_TYPE, HTML)
                .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .build());
    }

    /** The categories 双公示 and the other administrative actions are published under. */
    private static List<RecordCategory> disclosureCategories() {
        return List.of(RecordCategory.LICENCE, RecordCategory.PENALTY, RecordCategory.COERCION, RecordCategory.CONFIRMATION,
                RecordCategory.LEVY, RecordCategory.PAYMENT, RecordCategory.ADJUDICATION, RecordCategory.COMPENSATION,
                RecordCategory.REWARD, RecordCategory.INSPECTION);
    }

    /** An empty form field is no filter. */
    private static String blankless(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
