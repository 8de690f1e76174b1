package cn.opencredit.gateway.subject;

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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.shared.audit.AuditedBulk;
import cn.opencredit.gateway.shared.paging.SerializedPage;
import cn.opencredit.gateway.shared.problem.ProblemDetail;
import cn.opencredit.gateway.shared.security.Scopes;

@Path("/api/v1/subjects")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "subject", description = "信用主体: subject search")
@RolesAllowed({Scopes.PUBLIC_READ, Scopes.ANONYMOUS})
@SecurityRequirementsSet
@SecurityRequirement(name = "apiKey", scopes = Scopes.PUBLIC_READ)
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "RateLimited")
public class SubjectResource {

    private final SubjectService subjects;

    SubjectResource(SubjectService subjects) {
        this.subjects = subjects;
    }

    @GET
    @AuditedBulk("subject.search")
    @Operation(operationId = "searchSubjects", summary = "Search subjects by name fragment or USCC prefix",
            description = """
                    Finds subjects whose name contains `q` (case-insensitive; `%`, `_` and quotes are matched literally) or whose \
                    USCC starts with `q`, optionally within a region and of a type. Results come in USCC order, which is stable, \
                    so following `nextCursor` visits every match exactly once; the cost of a page does not grow with its depth.""")
    @APIResponse(responseCode = "200", description = "One page of matches",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubjectSummaryPage.class),
                    examples = @ExampleObject(name = "page", value = SubjectExamples.SEARCH)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid (limit, cursor, region, type or an overlong q)",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "limit", value = SubjectExamples.INVALID_PARAMETER)))
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Uni<SerializedPage> search(
            @Parameter(description = "Name fragment or USCC prefix; full-width characters are folded", example = "农业")
            @QueryParam("q") String q,
            @Parameter(description = "Region code: 2 (province), 4 (prefecture) or 6 (county) digits of GB/T 2260", example = "410526")
            @QueryParam("region") String region,
            @Parameter(description = "Subject type", schema = @Schema(implementation = SubjectType.class)) @QueryParam("type") String type,
            @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100",
                    defaultValue = "20")) @QueryParam("limit") String limit,
            @Parameter(description = "`nextCursor` of the previous page") @QueryParam("cursor") String cursor) {
        return subjects.searchJson(SubjectSearch.parse(q, region, type), limit, cursor);
    }

    /** The page's shape in the OpenAPI document: the operation answers a {@link SerializedPage}, whose JSON has this shape. */
    @Schema(name = "SubjectSummaryPage")
    record SubjectSummaryPage(@Schema(required = true) java.util.List<SubjectSummaryView> items,
            @Schema(required = true, nullable = true, description = "Opaque; pass as `cursor` for the next page, null on the last page")
            String nextCursor) {
    }
}
