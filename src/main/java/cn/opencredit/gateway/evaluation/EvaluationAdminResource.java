package cn.opencredit.gateway.evaluation;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.shared.problem.ProblemDetail;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.security.Scopes;
import cn.opencredit.gateway.shared.web.Ids;

@Path("/api/v1/admin/evaluation")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "evaluation-admin", description = "Operators: scoring models (draft → backtest → publish) and evaluation jobs")
@RolesAllowed(Scopes.ADMIN)
@SecurityRequirement(name = "apiKey", scopes = Scopes.ADMIN)
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "RateLimited")
@APIResponse(responseCode = "406", ref = "NotAcceptable")
@APIResponse(responseCode = "503", ref = "Unavailable")
public class EvaluationAdminResource {

    /** YAML as the models are written; both names are in use. */
    static final String YAML = "application/yaml";
    static final String TEXT_YAML = "text/yaml";

    private final EvaluationService evaluations;
    private final SecurityIdentity caller;

    EvaluationAdminResource(EvaluationService evaluations, SecurityIdentity caller) {
        this.evaluations = evaluations;
        this.caller = caller;
    }

    @POST
    @Path("/models")
    @Consumes({YAML, TEXT_YAML})
    @Operation(operationId = "createEvaluationModel", summary = "Store a draft scoring model",
            description = """
                    Stores a scoring model document (YAML, described in docs/capabilities/evaluation.md) as a draft under the \
                    version it names. The document is checked whole and every problem is named by its path in the document: \
                    unknown fields, categories, list types, levels or statuses; thresholds that overlap or leave scores without a \
                    grade; decay steps out of order; points or ratios out of range. A draft changes nothing until it is backtested \
                    and published. A version names one document for good.""")
    @RequestBody(required = true, content = {@Content(mediaType = YAML, schema = @Schema(type = SchemaType.STRING),
            examples = @ExampleObject(name = "revision", value = EvaluationExamples.MODEL)),
            @Content(mediaType = TEXT_YAML, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "201", description = "Stored as a draft; `Location` is the model",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ModelView.class),
                    examples = @ExampleObject(name = "draft", value = EvaluationExamples.MODEL_VIEW)))
    @APIResponse(responseCode = "400", description = "The document is not a usable model; `errors` names every problem by its path",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "invalid", value = EvaluationExamples.INVALID_MODEL)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Uni<RestResponse<ModelView>> create(String document, UriInfo uri) {
        return evaluations.draft(document, ApiClient.of(caller)).map(model -> RestResponse.ResponseBuilder.<ModelView>created(
                URI.create(uri.getPath() + "/" + model.version())).entity(model).build());
    }

    @GET
    @Path("/models")
    @Operation(operationId = "listEvaluationModels", summary = "Scoring models", description = "Every stored model, newest first, without documents.")
    @APIResponse(responseCode = "200", description = "The models",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = ModelView.class)))
    public Uni<List<ModelView>> models() {
        return evaluations.models();
    }

    @GET
    @Path("/models/{version}")
    @Operation(operationId = "getEvaluationModel", summary = "One scoring model", description = "The model with its document.")
    @APIResponse(responseCode = "200", description = "The model",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ModelView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<ModelView> model(@Parameter(example = "2026.1", schema = @Schema(type = SchemaType.STRING, maxLength = 32))
            @PathParam("version") String version) {
        return evaluations.model(version);
    }

    @POST
    @Path("/models/{version}/backtests")
    @Operation(operationId = "backtestEvaluationModel", summary = "Backtest a draft",
            description = """
                    Evaluates every subject under the draft and under the model in force, in the background, and keeps only the \
                    comparison: how many subjects each grade has under each, and how many move from each grade to each other. \
                    Nothing is stored for any subject. Follow the job at `Location`; its result is there once it has finished. \
                    One evaluation job runs at a time.""")
    @APIResponse(responseCode = "202", description = "Started; `Location` is the job",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<RestResponse<JobView>> backtest(@Parameter(example = "2026.2", schema = @Schema(type = SchemaType.STRING, maxLength = 32))
            @PathParam("version") String version) {
        return evaluations.backtest(version, ApiClient.of(caller)).map(EvaluationAdminResource::accepted);
    }

    @POST
    @Path("/models/{version}/publication")
    @Operation(operationId = "publishEvaluationModel", summary = "Publish a backtested draft",
            description = """
                    Puts the draft in force and retires the model it replaces, then recomputes every subject under it in the \
                    background (follow the job at `Location`). Refused (409) unless a backtest of this draft against the model in \
                    force has finished, and while another evaluation job runs.""")
    @APIResponse(responseCode = "202", description = "Published; the recompute started, `Location` is its job",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<RestResponse<JobView>> publish(@Parameter(example = "2026.2", schema = @Schema(type = SchemaType.STRING, maxLength = 32))
            @PathParam("version") String version) {
        return evaluations.publish(version, ApiClient.of(caller)).map(EvaluationAdminResource::accepted);
    }

    @POST
    @Path("/recomputes")
    @Operation(operationId = "startEvaluationRecompute", summary = "Recompute every subject",
            description = """
                    Evaluates every subject again under the model in force, in the background, with progress (done, rate, time \
                    left) at `Location` and in the metric `opencredit_evaluation_job_progress`. Subjects are taken in batches of \
                    2 000, each batch one transaction, so API traffic goes on; a replica that dies mid-way is replaced by another \
                    that resumes where it stopped.""")
    @APIResponse(responseCode = "202", description = "Started; `Location` is the job",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<RestResponse<JobView>> recompute() {
        return evaluations.recompute(ApiClient.of(caller)).map(EvaluationAdminResource::accepted);
    }

    @GET
    @Path("/jobs")
    @Operation(operationId = "listEvaluationJobs", summary = "Recent evaluation jobs", description = "The 20 most recent jobs, newest first.")
    @APIResponse(responseCode = "200", description = "The jobs",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = JobView.class)))
    public Uni<List<JobView>> jobs() {
        return evaluations.jobs();
    }

    @GET
    @Path("/jobs/{id}")
    @Operation(operationId = "getEvaluationJob", summary = "One evaluation job, with its progress")
    @APIResponse(responseCode = "200", description = "The job",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.class),
                    examples = @ExampleObject(name = "backtest", value = EvaluationExamples.JOB)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<JobView> job(@Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id) {
        return evaluations.job(Ids.uuid(id, "id"));
    }

    private static RestResponse<JobView> accepted(JobView job) {
        return RestResponse.ResponseBuilder.<JobView>accepted().location(URI.create("/api/v1/admin/evaluation/jobs/" + job.id())).entity(job)
                .build();
    }
}
