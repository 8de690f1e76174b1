package cn.opencredit.gateway.stats;

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
import cn.opencredit.gateway.shared.problem.ProblemDetail;
import cn.opencredit.gateway.shared.security.Scopes;

@Path("/api/v1/stats")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "stats", description = "统计: timeliness of 双公示, list ratios and the subject workflows")
@RolesAllowed(Scopes.PUBLIC_READ)
@SecurityRequirement(name = "apiKey", scopes = Scopes.PUBLIC_READ)
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "RateLimited")
public class StatsResource {

    private final StatsService stats;

    StatsResource(StatsService stats) {
        this.stats = stats;
    }

    @GET
    @Path("/disclosures")
    @AuditedBulk("stats.disclosures")
    @Operation(operationId = "getDisclosureStatistics", summary = "双公示 timeliness per department and black-list share per region",
            description = """
                    Per reporting department: public licences and penalties decided in the range, how many of them carry a \
                    timeliness verdict, how many were reported within 7 working days of the decision, how many late, and the \
                    on-time rate. Per region (6-digit code): subjects, subjects with a current black-list entry and their share. \
                    Figures come from read models recomputed every few minutes (opencredit.stats.refresh-every, 5 minutes by \
                    default); `computedAt` says how old they are. Aggregates of public data only, for any keyed consumer.""")
    @APIResponse(responseCode = "200", description = "The statistics",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DisclosureStatsView.class),
                    examples = @ExampleObject(name = "statistics", value = StatsExamples.DISCLOSURES)))
    @APIResponse(responseCode = "400", description = "from or to is not a date, from is after to, or department is not a valid USCC",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "range", value = StatsExamples.FROM_AFTER_TO)))
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Uni<DisclosureStatsView> disclosures(
            @Parameter(description = "Only this reporting department (its USCC)", example = "11410526MB1C37623U",
                    schema = @Schema(type = SchemaType.STRING, minLength = 18, maxLength = 64)) @QueryParam("department") String department,
            @Parameter(description = "Count decisions on or after this date", schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("from") String from,
            @Parameter(description = "Count decisions on or before this date", schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("to") String to) {
        return stats.disclosures(department, from, to);
    }

    @GET
    @Path("/workflows")
    @AuditedBulk("stats.workflows")
    @Operation(operationId = "getWorkflowStatistics", summary = "Registrations, commitments, repairs and objections per department and month",
            description = """
                    The subject workflows' cases (自愿注册, 信用承诺, 信用修复, 异议), per workflow, answerable department and month                     opened (China time), as every case's transitions were kept: how many, their states now, how many a department                     or the platform handled (took out of their first state; a subject's withdrawal is not handling) and in how                     many working days on average (the shipped calendar, 调休 counted, as the time limits are), how many are still                     open and how many of those are past the workflow's time limit. By default the twelve months up to this one;                     at most 36. Aggregates only, for any keyed consumer.""")
    @APIResponse(responseCode = "200", description = "The statistics",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WorkflowStatsView.class),
                    examples = @ExampleObject(name = "statistics", value = StatsExamples.WORKFLOWS)))
    @APIResponse(responseCode = "400", description = "An unknown workflow, a month that is not YYYY-MM, from after to, more than 36 months, "
            + "or a department that is not a valid USCC; `errors` names each",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "workflow", value = StatsExamples.UNKNOWN_WORKFLOW)))
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Uni<WorkflowStatsView> workflows(
            @Parameter(description = "Only this workflow", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"registration", "commitment", "repair", "objection"})) @QueryParam("workflow") String workflow,
            @Parameter(description = "Only this answerable department (its USCC)", example = "11410526MB1C37623U",
                    schema = @Schema(type = SchemaType.STRING, minLength = 18, maxLength = 64)) @QueryParam("department") String department,
            @Parameter(description = "First month opened, YYYY-MM", schema = @Schema(type = SchemaType.STRING, pattern = "^\\d{4}-\\d{2}$"))
            @QueryParam("from") String from,
            @Parameter(description = "Last month opened, YYYY-MM; this month by default",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^\\d{4}-\\d{2}$")) @QueryParam("to") String to) {
        return stats.workflows(workflow, department, from, to);
    }
}
