package cn.opencredit.gateway.sampling;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.shared.audit.AuditedBulk;
import cn.opencredit.gateway.shared.paging.Page;
import cn.opencredit.gateway.shared.problem.ProblemDetail;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.security.Scopes;

@Path("/api/v1/inspection-plans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "sampling", description = "双随机、一公开: departments' random inspection plans, drawn reproducibly from a published seed, and their results")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "406", ref = "NotAcceptable")
@APIResponse(responseCode = "429", ref = "RateLimited")
@APIResponse(responseCode = "503", ref = "Unavailable")
public class InspectionPlanResource {

    private final SamplingService sampling;
    private final SecurityIdentity identity;

    InspectionPlanResource(SamplingService sampling, SecurityIdentity identity) {
        this.sampling = sampling;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Scopes.INGEST_WRITE, Scopes.ADMIN})
    @SecurityRequirement(name = "apiKey", scopes = Scopes.INGEST_WRITE)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.ADMIN)
    @Operation(operationId = "createInspectionPlan", summary = "Draw a 双随机 inspection plan", description = """
            A department (bound to its USCC) or an operator draws a random inspection sample. The population is every active subject \
            with a USCC and a current grade in `region` (a department: within its own region, which is also the default), of the \
            `industries` and `subjectTypes` given (any of each), less subjects with an inspection record decided in the last \
            `excludeInspectedWithinMonths` months and, unless the `sector` is food, drugs-and-vaccines, special-equipment or \
            hazardous-chemicals, less A-grade subjects ("非请勿扰"). Per grade, `perGrade` asks for a ratio or a size; other grades take \
            the sampling ratio of the scoring model in force (A 1 %, B 3 %, C 10 %, D 30 % under 2026.1). The draw (hmac-sha256-rank-v1): \
            within each grade, members in ascending order of HMAC-SHA256(key = seed, message = USCC) as hex, the first ceil(ratio × \
            population) or `size` taken. The population is frozen with its SHA-256 and the sample stored in the same transaction; \
            the plan never changes, and anyone can re-run the draw from what it publishes.""")
    @RequestBody(content = @Content(examples = {@ExampleObject(name = "department", value = SamplingExamples.CREATE),
            @ExampleObject(name = "operator", value = SamplingExamples.CREATE_BY_OPERATOR)}))
    @APIResponse(responseCode = "201", description = "Drawn; `Location` names the plan",
            content = @Content(schema = @Schema(implementation = InspectionPlanView.class),
                    examples = @ExampleObject(name = "plan", value = SamplingExamples.PLAN)))
    @APIResponse(responseCode = "400", description = "A bad field, each named in `errors`: a ratio outside 0–1, a ratio and a size for one grade, "
            + "an unknown grade, sector, industry section or subject type, months outside 0–36, a malformed region, seed or USCC, a "
            + "missing title or department",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "ratio", value = SamplingExamples.INVALID)))
    @APIResponse(responseCode = "403", description = "The key lacks ingest:write and admin; the consumer is neither a department nor an operator, "
            + "or a department not bound to its USCC; a department names another department, or a region outside its own",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "other-scope", value = SamplingExamples.OTHER_SCOPE)))
    @APIResponse(responseCode = "409", description = "A grade without a size of its own, and no scoring model in force to give its ratio",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "no-model", value = SamplingExamples.NO_MODEL)))
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Uni<RestResponse<InspectionPlanView>> create(@NotNull InspectionPlanRequest body, UriInfo uri) {
        return sampling.create(body, ApiClient.of(identity)).map(plan -> RestResponse.ResponseBuilder.<InspectionPlanView>created(
                uri.getBaseUriBuilder().path("api/v1/inspection-plans").path(plan.id()).build()).entity(plan).build());
    }

    @GET
    @AuditedBulk("sampling.plans")
    @RolesAllowed({Scopes.PUBLIC_READ, Scopes.ANONYMOUS})
    @SecurityRequirementsSet
    @SecurityRequirement(name = "apiKey", scopes = Scopes.PUBLIC_READ)
    @Operation(operationId = "listInspectionPlans", summary = "Inspection plans", description = """
            Every plan, newest first, optionally of one department: public (一公开), also to callers without a key. Keyset pages: \
            follow `nextCursor`.""")
    @APIResponse(responseCode = "200", description = "One page of plans",
            content = @Content(schema = @Schema(implementation = PlanPage.class), examples = @ExampleObject(name = "page", value = SamplingExamples.PAGE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Uni<Page<InspectionPlanView>> list(
            @Parameter(description = "USCC of the department that drew the plans", example = "11659001MB0000019Q",
                    schema = @Schema(type = SchemaType.STRING, minLength = 18, maxLength = 64)) @QueryParam("department") String department,
            @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100",
                    defaultValue = "20")) @QueryParam("limit") String limit,
            @Parameter(description = "`nextCursor` of the previous page") @QueryParam("cursor") String cursor) {
        return sampling.plans(department, limit, cursor);
    }

    /** Names the page type in the OpenAPI document, where a generic {@link Page} has no name of its own. */
    @Schema(name = "InspectionPlanPage")
    record PlanPage(@Schema(required = true) List<InspectionPlanView> items,
            @Schema(required = true, nullable = true, description = "Opaque; pass as `cursor` for the next page, null on the last page")
            String nextCursor) {
    }
}
