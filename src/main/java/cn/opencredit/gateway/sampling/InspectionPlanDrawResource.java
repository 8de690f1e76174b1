package cn.opencredit.gateway.sampling;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.shared.audit.AuditedBulk;
import cn.opencredit.gateway.shared.paging.Page;
import cn.opencredit.gateway.shared.problem.ProblemDetail;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.security.Scopes;
import cn.opencredit.gateway.shared.web.Ids;

/** One plan: the plan itself, its frozen population and its sample (public), and the results its department reports. */
@Path("/api/v1/inspection-plans/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "sampling")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "406", ref = "NotAcceptable")
@APIResponse(responseCode = "429", ref = "RateLimited")
@APIResponse(responseCode = "503", ref = "Unavailable")
public class InspectionPlanDrawResource {

    private static final String PAGE_SIZE = "Page size, 1 to 100";
    private static final String CURSOR = "`nextCursor` of the previous page";

    private final SamplingService sampling;
    private final SamplingResultService results;
    private final SecurityIdentity identity;

    InspectionPlanDrawResource(SamplingService sampling, SamplingResultService results, SecurityIdentity identity) {
        this.sampling = sampling;
        this.results = results;
        this.identity = identity;
    }

    @GET
    @AuditedBulk("sampling.plan")
    @RolesAllowed({Scopes.PUBLIC_READ, Scopes.ANONYMOUS})
    @SecurityRequirementsSet
    @SecurityRequirement(name = "apiKey", scopes = Scopes.PUBLIC_READ)
    @Operation(operationId = "getInspectionPlan", summary = "An inspection plan", description = """
            The plan as drawn: its filter and exclusions, the seed, the algorithm, the SHA-256 of its frozen population, the \
            population and the sample per grade (and whether the ratio came from the plan or the model), and how many results are \
            in. Public (一公开), also to callers without a key.""")
    @APIResponse(responseCode = "200", description = "The plan",
            content = @Content(schema = @Schema(implementation = InspectionPlanView.class), examples = @ExampleObject(name = "plan",
                    value = SamplingExamples.PLAN)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", description = "No plan with this id",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "plan", value = SamplingExamples.NOT_FOUND)))
    public Uni<InspectionPlanView> plan(@Parameter(example = "12") @PathParam("id") String id) {
        return sampling.plan(Ids.positive(id, "id"));
    }

    @GET
    @Path("/population")
    @AuditedBulk("sampling.population")
    @RolesAllowed({Scopes.PUBLIC_READ, Scopes.ANONYMOUS})
    @SecurityRequirementsSet
    @SecurityRequirement(name = "apiKey", scopes = Scopes.PUBLIC_READ)
    @Operation(operationId = "listInspectionPlanPopulation", summary = "The frozen population of a plan", description = """
            Every subject the sample was drawn from, with the grade it had at the draw, in USCC order: the lines `uscc,grade\\n` of \
            all pages hash (SHA-256) to the plan's `populationSha256`. Keyset pages: follow `nextCursor`. Public.""")
    @APIResponse(responseCode = "200", description = "One page of the population",
            content = @Content(schema = @Schema(implementation = PopulationPage.class), examples = @ExampleObject(name = "page",
                    value = SamplingExamples.POPULATION)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", description = "No plan with this id",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "plan", value = SamplingExamples.NOT_FOUND)))
    public Uni<Page<PopulationMemberView>> population(@Parameter(example = "12") @PathParam("id") String id,
            @Parameter(description = PAGE_SIZE, schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
            @QueryParam("limit") String limit,
            @Parameter(description = CURSOR) @QueryParam("cursor") String cursor) {
        return sampling.population(Ids.positive(id, "id"), limit, cursor);
    }

    @GET
    @Path("/sample")
    @AuditedBulk("sampling.sample")
    @RolesAllowed({Scopes.PUBLIC_READ, Scopes.ANONYMOUS})
    @SecurityRequirementsSet
    @SecurityRequirement(name = "apiKey", scopes = Scopes.PUBLIC_READ)
    @Operation(operationId = "listInspectionPlanSample", summary = "The sample of a plan", description = """
            The drawn subjects in USCC order, each with its grade, its rank within the grade and the HMAC that ranked it, and its \
            result once the department has reported it (the inspection credit record it became). Keyset pages: follow \
            `nextCursor`. Public.""")
    @APIResponse(responseCode = "200", description = "One page of the sample",
            content = @Content(schema = @Schema(implementation = SamplePage.class), examples = @ExampleObject(name = "page",
                    value = SamplingExamples.SAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", description = "No plan with this id",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "plan", value = SamplingExamples.NOT_FOUND)))
    public Uni<Page<SampleMemberView>> sample(@Parameter(example = "12") @PathParam("id") String id,
            @Parameter(description = PAGE_SIZE, schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
            @QueryParam("limit") String limit,
            @Parameter(description = CURSOR) @QueryParam("cursor") String cursor) {
        return sampling.sample(Ids.positive(id, "id"), limit, cursor);
    }

    @POST
    @Path("/results")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Scopes.INGEST_WRITE, Scopes.ADMIN})
    @SecurityRequirement(name = "apiKey", scopes = Scopes.INGEST_WRITE)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.ADMIN)
    @Operation(operationId = "reportInspectionResults", summary = "Report inspection results of a plan", description = """
            The plan's department (or an operator) reports what the inspections of sampled subjects found, up to 1 000 at a time, \
            each subject once. Each result becomes a public `inspection` credit record of the department through the ingestion \
            write path (the same checks; record id `inspection-plan-{id}-{uscc}`), kept with the sample row; all of them or none \
            are written. Inspection records count towards excluding a subject from the next plans.""")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "results", value = SamplingExamples.RESULTS)))
    @APIResponse(responseCode = "200", description = "The reported subjects with their results and records",
            content = @Content(schema = @Schema(implementation = InspectionResultsView.class), examples = @ExampleObject(name = "reported",
                    value = SamplingExamples.REPORTED)))
    @APIResponse(responseCode = "400", description = "A bad row, each named in `errors`: a subject not in the sample, a USCC twice, an unknown "
            + "outcome, an inspection date in the future or before the plan, text too long; or a malformed body or id",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "not-in-sample", value = SamplingExamples.NOT_IN_SAMPLE)))
    @APIResponse(responseCode = "403", description = "The key lacks ingest:write and admin, or the plan is another department's",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "not-your-plan", value = SamplingExamples.NOT_YOUR_PLAN)))
    @APIResponse(responseCode = "404", description = "No plan with this id",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "plan", value = SamplingExamples.NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "A subject's result was reported already",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "reported-already", value = SamplingExamples.REPORTED_ALREADY)))
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Uni<InspectionResultsView> report(@Parameter(example = "12") @PathParam("id") String id, @NotNull InspectionResultsRequest body) {
        return results.report(Ids.positive(id, "id"), body, ApiClient.of(identity));
    }

    @Schema(name = "InspectionPlanPopulationPage")
    record PopulationPage(@Schema(required = true) List<PopulationMemberView> items,
            @Schema(required = true, nullable = true, description = "Opaque; pass as `cursor` for the next page, null on the last page")
            String nextCursor) {
    }

    @Schema(name = "InspectionPlanSamplePage")
    record SamplePage(@Schema(required = true) List<SampleMemberView> items,
            @Schema(required = true, nullable = true, description = "Opaque; pass as `cursor` for the next page, null on the last page")
            String nextCursor) {
    }
}
