package cn.opencredit.gateway.finance;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.shared.audit.AuditedBulk;
import cn.opencredit.gateway.shared.paging.Page;
import cn.opencredit.gateway.shared.problem.ProblemDetail;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.security.Scopes;
import cn.opencredit.gateway.shared.uscc.Uscc;

@Path("/api/v1/finance/featured")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "finance")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "RateLimited")
@APIResponse(responseCode = "503", ref = "Unavailable")
public class FeaturedResource {

    private final FeaturedService featured;
    private final SecurityIdentity caller;

    FeaturedResource(FeaturedService featured, SecurityIdentity caller) {
        this.featured = featured;
        this.caller = caller;
    }

    @PUT
    @Path("/{uscc}")
    @RolesAllowed({Scopes.SELF_READ, Scopes.ADMIN})
    @SecurityRequirement(name = "apiKey", scopes = Scopes.SELF_READ)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.ADMIN)
    @Operation(operationId = "optInToFeaturedFeed", summary = "Opt in to the featured feed banks read",
            description = """
                    The enterprise (a consumer bound to its USCC; another USCC is 403) or an operator for it at the service window \
                    opts in: while it is active and its current grade is one the feed requires \
                    (`opencredit.finance.market.featured-grades`, 优 A by default), banks find it in `GET /api/v1/finance/featured` \
                    with its grade and score. Opting in again changes nothing. `listed` says whether the grade puts it there now.""")
    @APIResponse(responseCode = "200", description = "Opted in", content = @Content(schema = @Schema(implementation = FeaturedStatusView.class),
            examples = @ExampleObject(name = "listed", value = MarketExamples.FEATURED_STATUS)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "SubjectNotFound")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    public Uni<FeaturedStatusView> optIn(@Parameter(description = "统一社会信用代码", example = "91659001MA00000152",
            schema = @Schema(type = SchemaType.STRING, minLength = 18, maxLength = 64)) @PathParam("uscc") Uscc uscc) {
        return featured.optIn(uscc, ApiClient.of(caller));
    }

    @DELETE
    @Path("/{uscc}")
    // No body when it succeeds: a client asking only for the problem it may get (generated clients do) is answered, not refused 406.
    @Produces({MediaType.APPLICATION_JSON, ProblemDetail.MEDIA_TYPE})
    @RolesAllowed({Scopes.SELF_READ, Scopes.ADMIN})
    @SecurityRequirement(name = "apiKey", scopes = Scopes.SELF_READ)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.ADMIN)
    @Operation(operationId = "optOutOfFeaturedFeed", summary = "Opt out of the featured feed, at once",
            description = """
                    The enterprise (or an operator for it) opts out: from the next read on every replica, the feed no longer shows it. \
                    Opting out when not opted in changes nothing. Both go to the enterprise's timeline.""")
    @APIResponse(responseCode = "204", description = "Opted out")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "SubjectNotFound")
    public Uni<Void> optOut(@Parameter(description = "统一社会信用代码", example = "91659001MA00000152",
            schema = @Schema(type = SchemaType.STRING, minLength = 18, maxLength = 64)) @PathParam("uscc") Uscc uscc) {
        return featured.optOut(uscc, ApiClient.of(caller));
    }

    @GET
    @AuditedBulk("finance.featured")
    @RolesAllowed({Scopes.FINANCE_READ, Scopes.ADMIN})
    @SecurityRequirement(name = "apiKey", scopes = Scopes.FINANCE_READ)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.ADMIN)
    @Operation(operationId = "listFeaturedEnterprises", summary = "Featured enterprises for banks (优质企业推送)",
            description = """
                    Enterprises that opted in, active, whose current public credit grade is one the feed requires (优 A; and 良 B \
                    where `opencredit.finance.market.featured-grades` says so), with grade and score; optionally of a region (2, 4 or \
                    6 digits of its code) and an industry (GB/T 4754 section letter). In USCC order; keyset paging: follow \
                    `nextCursor`. For banks (`finance:read`) and operators.""")
    @APIResponse(responseCode = "200", description = "One page of enterprises", content = @Content(schema = @Schema(implementation =
            FeaturedPage.class), examples = @ExampleObject(name = "feed", value = MarketExamples.FEED)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    public Uni<Page<FeaturedView>> feed(
            @Parameter(description = "Region code prefix: 2, 4 or 6 digits", example = "6590") @QueryParam("region") String region,
            @Parameter(description = "GB/T 4754 section letter, A to T", example = "G") @QueryParam("industry") String industry,
            @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100",
                    defaultValue = "20")) @QueryParam("limit") String limit,
            @Parameter(description = "`nextCursor` of the previous page") @QueryParam("cursor") String cursor) {
        return featured.feed(region, industry, limit, cursor);
    }

    @Schema(name = "FeaturedPage")
    record FeaturedPage(@Schema(required = true) List<FeaturedView> items,
            @Schema(required = true, nullable = true, description = "Opaque; pass as `cursor` for the next page, null on the last page")
            String nextCursor) {
    }
}
