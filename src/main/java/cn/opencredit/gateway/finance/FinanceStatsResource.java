package cn.opencredit.gateway.finance;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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

import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.shared.audit.AuditedBulk;
import cn.opencredit.gateway.shared.security.Scopes;

@Path("/api/v1/stats/finance")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "stats")
@RolesAllowed({Scopes.ADMIN, Scopes.AUDIT_READ})
@SecurityRequirement(name = "apiKey", scopes = Scopes.ADMIN)
@SecurityRequirement(name = "apiKey", scopes = Scopes.AUDIT_READ)
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "RateLimited")
public class FinanceStatsResource {

    private final FinanceStatsService stats;

    FinanceStatsResource(FinanceStatsService stats) {
        this.stats = stats;
    }

    @GET
    @AuditedBulk("stats.finance")
    @Operation(operationId = "getFinanceStatistics", summary = "信易贷 statistics: demands, offers and loans by bank, region and month",
            description = """
                    Demands (by the day posted), banks' offers and declines (by the day answered), loans granted and refused (by the \
                    day the bank decided) with their exact amounts, in all and by bank, by the enterprise's region and by month \
                    (Beijing time); the share of pure credit loans (信用, neither mortgage nor guarantor) among those granted; the \
                    median days from a demand to its loan. Counted at each request. Each bank's business is \
                    confidential to the platform: for operators (`admin` or `audit:read`).""")
    @APIResponse(responseCode = "200", description = "The statistics", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = FinanceStatsView.class), examples = @ExampleObject(name = "statistics",
                    value = MarketExamples.STATISTICS)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Uni<FinanceStatsView> statistics(
            @Parameter(description = "Count from this day", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("from")
            String from,
            @Parameter(description = "Count to this day, inclusive", schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("to") String to) {
        return stats.statistics(from, to);
    }
}
