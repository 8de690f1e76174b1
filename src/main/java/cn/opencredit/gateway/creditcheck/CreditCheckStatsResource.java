package cn.opencredit.gateway.creditcheck;

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

@Path("/api/v1/stats/credit-checks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "stats")
@RolesAllowed(Scopes.PUBLIC_READ)
@SecurityRequirement(name = "apiKey", scopes = Scopes.PUBLIC_READ)
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "RateLimited")
public class CreditCheckStatsResource {

    private final CreditCheckService checks;

    CreditCheckStatsResource(CreditCheckService checks) {
        this.checks = checks;
    }

    @GET
    @AuditedBulk("stats.credit-checks")
    @Operation(operationId = "getCreditCheckStatistics", summary = "Credit checks per department, scenario and month, and the 应查必查 rate",
            description = """
                    Per department (absent: operators' own checks), scenario and month (China time): check requests, distinct cases \
                    checked, subjects checked, subjects with a measure, measures that applied, measures reported as applied \
                    (联合奖惩案例), the approvals the department reported and the rate casesChecked / approvals. Counted live from the \
                    stored checks; months `from` to `to` inclusive (the last 12 up to this month by default, at most 24).""")
    @APIResponse(responseCode = "200", description = "The statistics",
            content = @Content(schema = @Schema(implementation = CreditCheckStatsView.class), examples = @ExampleObject(name = "statistics",
                    value = CreditCheckExamples.STATISTICS)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Uni<CreditCheckStatsView> statistics(
            @Parameter(description = "One department's USCC", schema = @Schema(type = SchemaType.STRING, maxLength = 64)) @QueryParam("department")
            String department,
            @Parameter(description = "First month, YYYY-MM", example = "2026-06", schema = @Schema(type = SchemaType.STRING, maxLength = 7,
                    pattern = "^\\d{4}-\\d{2}$"))
            @QueryParam("from") String from,
            @Parameter(description = "Last month, YYYY-MM", example = "2026-11", schema = @Schema(type = SchemaType.STRING, maxLength = 7,
                    pattern = "^\\d{4}-\\d{2}$"))
            @QueryParam("to") String to) {
        return checks.statistics(department, from, to);
    }
}
