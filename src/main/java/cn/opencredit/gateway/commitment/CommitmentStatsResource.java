package cn.opencredit.gateway.commitment;

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

@Path("/api/v1/stats/commitments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "commitment")
@RolesAllowed(Scopes.PUBLIC_READ)
@SecurityRequirement(name = "apiKey", scopes = Scopes.PUBLIC_READ)
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "406", ref = "NotAcceptable")
@APIResponse(responseCode = "429", ref = "RateLimited")
@APIResponse(responseCode = "503", ref = "Unavailable")
public class CommitmentStatsResource {

    private final CommitmentService commitments;

    CommitmentStatsResource(CommitmentService commitments) {
        this.commitments = commitments;
    }

    @GET
    @AuditedBulk("stats.commitments")
    @Operation(operationId = "getCommitmentStatistics", summary = "Fulfilment of credit commitments per type, department and month",
            description = """
                    Of the commitments made in the range (by `madeOn`): how many were reported, are open, are overdue, were \
                    fulfilled, breached (and how many of those by the platform when a 容缺受理 deadline passed) or cancelled, and \
                    the fulfilment rate (践诺率) fulfilled / (fulfilled + breached), per type, per department and per month. \
                    Counted at the moment of the request. Aggregates only, for any keyed consumer, as the other statistics.""")
    @APIResponse(responseCode = "200", description = "The statistics", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CommitmentStatsView.class), examples = @ExampleObject(name = "statistics",
            value = CommitmentExamples.STATISTICS)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Uni<CommitmentStatsView> statistics(
            @Parameter(description = "Only this department's commitments (its USCC)", example = "11659001MB0000019Q",
                    schema = @Schema(type = SchemaType.STRING, minLength = 18, maxLength = 64)) @QueryParam("department") String department,
            @Parameter(description = "Only of this type", schema = @Schema(implementation = CommitmentType.class)) @QueryParam("type")
            String type,
            @Parameter(description = "Count commitments made on or after this date", schema = @Schema(type = SchemaType.STRING,
                    format = "date")) @QueryParam("from") String from,
            @Parameter(description = "Count commitments made on or before this date", schema = @Schema(type = SchemaType.STRING,
                    format = "date")) @QueryParam("to") String to) {
        return commitments.statistics(department, type, from, to);
    }
}
