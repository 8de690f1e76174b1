package cn.opencredit.gateway.evaluation;

import java.util.List;

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
import cn.opencredit.gateway.shared.paging.Page;
import cn.opencredit.gateway.shared.problem.ProblemDetail;
import cn.opencredit.gateway.shared.security.Scopes;
import cn.opencredit.gateway.subject.SubjectType;

@Path("/api/v1/evaluations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "evaluation")
@RolesAllowed(Scopes.PUBLIC_READ)
@SecurityRequirement(name = "apiKey", scopes = Scopes.PUBLIC_READ)
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "RateLimited")
public class EvaluationListResource {

    private final EvaluationService evaluations;

    EvaluationListResource(EvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    @GET
    @AuditedBulk("evaluations.list")
    @Operation(operationId = "listSubjectsByGrade", summary = "Subjects of a grade",
            description = """
                    Subjects whose current grade is `grade`, in USCC order, optionally of a region (2, 4 or 6 digits of the region \
                    code), an industry section (GB/T 4754, A to T) and a subject type. Each item says the grade, its supervision \
                    class, the day it is as of and the model. Keyset paging: follow `nextCursor`; every page costs the same. A key is \
                    needed: grades are public one subject at a time, lists of them are for consumers the platform knows.""")
    @APIResponse(responseCode = "200", description = "One page of subjects",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ListPage.class),
                    examples = @ExampleObject(name = "grade-A", value = EvaluationExamples.LIST)))
    @APIResponse(responseCode = "400", description = "The grade is missing or unknown, or another filter, the limit or the cursor is invalid",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "unknown-grade", value = EvaluationExamples.UNKNOWN_GRADE)))
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Uni<Page<EvaluationListItem>> list(
            @Parameter(required = true, description = "A, B, C or D", schema = @Schema(type = SchemaType.STRING, enumeration = {"A", "B", "C",
                    "D"})) @QueryParam("grade") String grade,
            @Parameter(description = "2, 4 or 6 digits of a GB/T 2260 region code", example = "6590") @QueryParam("region") String region,
            @Parameter(description = "GB/T 4754 industry section, one letter A to T", schema = @Schema(type = SchemaType.STRING,
                    pattern = "^[A-Ta-t]$")) @QueryParam("industry") String industry,
            @Parameter(description = "Subject type", schema = @Schema(implementation = SubjectType.class)) @QueryParam("type") String type,
            @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100",
                    defaultValue = "20")) @QueryParam("limit") String limit,
            @Parameter(description = "`nextCursor` of the previous page") @QueryParam("cursor") String cursor) {
        return evaluations.byGrade(grade, region, industry, type, limit, cursor);
    }

    /** Names the page type in the OpenAPI document, where a generic {@link Page} has no name of its own. */
    @Schema(name = "EvaluatedSubjectPage")
    record ListPage(@Schema(required = true) List<EvaluationListItem> items,
            @Schema(required = true, nullable = true, description = "Opaque; pass as `cursor` for the next page, null on the last page")
            String nextCursor) {
    }
}
