package cn.opencredit.gateway.repair;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
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
import cn.opencredit.gateway.shared.web.IdempotencyKeys;
import cn.opencredit.gateway.shared.web.Ids;

@Path("/api/v1/repair-applications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "repair", description = "信用修复: ending the publication of a failing, decided by the authority that made the finding")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "406", ref = "NotAcceptable")
@APIResponse(responseCode = "429", ref = "RateLimited")
@APIResponse(responseCode = "503", ref = "Unavailable")
public class RepairResource {

    private final RepairService applications;
    private final RepairDecisionService decisions;
    private final SecurityIdentity caller;

    RepairResource(RepairService applications, RepairDecisionService decisions, SecurityIdentity caller) {
        this.applications = applications;
        this.decisions = decisions;
        this.caller = caller;
    }

    @GET
    @Path("/commitment-text")
    @RolesAllowed({Scopes.PUBLIC_READ, Scopes.ANONYMOUS})
    @SecurityRequirementsSet
    @SecurityRequirement(name = "apiKey", scopes = Scopes.PUBLIC_READ)
    @Operation(operationId = "getRepairCommitmentText", summary = "The repair commitment an application accepts",
            description = "The published 信用修复承诺 text, to show before applying; an application sends it back word for word with "
                    + "`accepted: true`.")
    @APIResponse(responseCode = "200", description = "The commitment text", content = @Content(schema = @Schema(implementation =
            RepairCommitmentTextView.class), examples = @ExampleObject(name = "standard", value = RepairExamples.COMMITMENT_TEXT)))
    public RepairCommitmentTextView commitmentText() {
        return applications.commitmentText();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Scopes.SELF_READ, Scopes.ADMIN})
    @SecurityRequirement(name = "apiKey", scopes = Scopes.SELF_READ)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.ADMIN)
    @Operation(operationId = "applyForRepair", summary = "Apply to repair a failing record",
            description = """
                    The subject (a consumer bound to its USCC) applies to repair one of its failings, or an operator for it at \
                    the service window. Eligible (《信用修复管理办法》, 国办发〔2025〕22号): a record with a severity, of a repairable \
                    category (not `opencredit.repair.unrepairable-categories`, by default judicial), published now (not under \
                    objection, repaired, revoked or past its longest period), its shortest publication period passed (minor: at \
                    once; general: 3 months; serious: 1 year from the decision), the obligations performed with at least one \
                    evidence file (POST /api/v1/evidence), and the published repair commitment accepted. An ineligible \
                    application is 409 naming every reason in `errors[]` (codes not-a-failing, not-repairable, under-objection, \
                    not-published, too-early, obligations-not-performed, no-evidence, no-commitment) with `eligibleFrom`, the \
                    first day the same application could succeed once the other reasons are put right (absent when no day can). \
                    The application goes to the record's source department (谁认定、谁修复), due within \
                    `opencredit.repair.decide-within-working-days` working days (shipped calendar); `blackListEntryId` names the \
                    subject's black-list entry by that department that the repair also ends. One open application per record. \
                    With an `Idempotency-Key`, the same request again answers the same application (200, \
                    `Idempotent-Replayed: true`); the key with another request is 409.""")
    @Parameter(name = IdempotencyKeys.HEADER, in = ParameterIn.HEADER, description = "1 to 200 printable ASCII characters",
            schema = @Schema(type = SchemaType.STRING, maxLength = 200))
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RepairRequest.class),
            examples = @ExampleObject(name = "fine-paid", value = RepairExamples.REQUEST)))
    @APIResponse(responseCode = "201", description = "Submitted; `Location` is the application",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(schema = @Schema(implementation = RepairView.class), examples = @ExampleObject(name = "submitted",
                    value = RepairExamples.SUBMITTED)))
    @APIResponse(responseCode = "200", description = "The application an earlier request with this Idempotency-Key made",
            headers = @Header(name = "Idempotent-Replayed", schema = @Schema(type = SchemaType.STRING, enumeration = "true")),
            content = @Content(schema = @Schema(implementation = RepairView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", description = "No record with this id that the applicant may see, or no such black-list entry",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "409", description = "Not eligible (every reason in `errors[]`, `eligibleFrom` the first day it could "
            + "succeed), an open application for the record already, a black-list entry that is not the subject's current one by the "
            + "deciding authority, or the Idempotency-Key used for another request",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "too-early", value = RepairExamples.TOO_EARLY)))
    public Uni<RestResponse<RepairView>> apply(@NotNull @Valid RepairRequest request, @HeaderParam(IdempotencyKeys.HEADER) String key,
            UriInfo uri) {
        return applications.submit(ApiClient.of(caller), request, key).map(submitted -> submitted.replayed()
                ? RestResponse.ResponseBuilder.ok(submitted.application()).header("Idempotent-Replayed", "true").build()
                : RestResponse.ResponseBuilder.<RepairView>created(URI.create(uri.getPath() + "/" + submitted.application().id()))
                        .entity(submitted.application()).build());
    }

    @GET
    @RolesAllowed({Scopes.SELF_READ, Scopes.INGEST_WRITE, Scopes.ADMIN})
    @SecurityRequirement(name = "apiKey", scopes = Scopes.SELF_READ)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.INGEST_WRITE)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.ADMIN)
    @Operation(operationId = "listRepairApplications", summary = "Repair applications: an authority's queue, a subject's own",
            description = """
                    Newest first. A department sees the applications it decides (its queue: `state=submitted`, and \
                    `overdue=true` for those past their due day); a subject its own; an operator any, optionally of one \
                    `department` or `subject`. Keyset paging: follow `nextCursor`.""")
    @APIResponse(responseCode = "200", description = "One page of applications",
            content = @Content(schema = @Schema(implementation = RepairPage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Uni<Page<RepairView>> list(
            @Parameter(description = "Operators: only this department's (USCC)") @QueryParam("department") String department,
            @Parameter(description = "Operators and departments: only of this subject (USCC)") @QueryParam("subject") String subject,
            @Parameter(description = "Only in this state", schema = @Schema(implementation = RepairState.class)) @QueryParam("state") String state,
            @Parameter(description = "true: only open ones past their due day", schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("overdue") String overdue,
            @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100",
                    defaultValue = "20")) @QueryParam("limit") String limit,
            @Parameter(description = "`nextCursor` of the previous page") @QueryParam("cursor") String cursor) {
        return applications.list(ApiClient.of(caller), department, subject, state, overdue, limit, cursor);
    }

    @GET
    @Path("/statistics")
    @AuditedBulk("repair.statistics")
    @RolesAllowed({Scopes.INGEST_WRITE, Scopes.ADMIN})
    @SecurityRequirement(name = "apiKey", scopes = Scopes.INGEST_WRITE)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.ADMIN)
    @Operation(operationId = "getRepairStatistics", summary = "Repairs per deciding authority and month",
            description = """
                    Per department and month of submission (China time): applications submitted, approved, rejected, closed \
                    because publication ended first, still open, overdue (open past their due day or decided after it), and \
                    the average working days from submission to decision (shipped calendar). A department reads its own, an \
                    operator every department's or one's. Months `from` to `to` inclusive, as YYYY-MM. Each call is kept in \
                    the operations log.""")
    @APIResponse(responseCode = "200", description = "The statistics", content = @Content(schema = @Schema(implementation =
            RepairStatisticsView.class), examples = @ExampleObject(name = "statistics", value = RepairExamples.STATISTICS)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Uni<RepairStatisticsView> statistics(
            @Parameter(description = "Operators: only this department (USCC)") @QueryParam("department") String department,
            @Parameter(description = "First month, YYYY-MM", schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]{4}-[0-9]{2}$"))
            @QueryParam("from") String from,
            @Parameter(description = "Last month, YYYY-MM", schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]{4}-[0-9]{2}$"))
            @QueryParam("to") String to) {
        return applications.statistics(ApiClient.of(caller), department, from, to);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Scopes.SELF_READ, Scopes.INGEST_WRITE, Scopes.ADMIN})
    @SecurityRequirement(name = "apiKey", scopes = Scopes.SELF_READ)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.INGEST_WRITE)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.ADMIN)
    @Operation(operationId = "getRepairApplication", summary = "One repair application with its transitions",
            description = "For its applicant, its subject, the deciding department and operators.")
    @APIResponse(responseCode = "200", description = "The application",
            content = @Content(schema = @Schema(implementation = RepairView.class), examples = @ExampleObject(name = "approved",
                    value = RepairExamples.APPROVED)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<RepairView> find(@Parameter(example = "318", schema = @Schema(type = SchemaType.STRING, pattern = "^[1-9][0-9]{0,17}$"))
            @PathParam("id") String id) {
        return applications.find(Ids.positive(id, "id"), ApiClient.of(caller));
    }

    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Scopes.INGEST_WRITE, Scopes.ADMIN})
    @SecurityRequirement(name = "apiKey", scopes = Scopes.INGEST_WRITE)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.ADMIN)
    @Operation(operationId = "decideRepairApplication", summary = "Approve or reject a repair application",
            description = """
                    The authority that made the finding (a department bound to the record's source department USCC) or an \
                    operator decides, on the `version` last read (a stale one is 409; another department is 403). `approved` \
                    ends publication, sharing and use together, in one transaction: the record becomes `repaired` (kept in its \
                    history), leaves public and authorised reads, the change feed carries it, the evaluation recomputes, the \
                    black-list entry the application named is removed with reason `repaired`, and the subject's cached answers \
                    are invalidated. A record that came under objection or whose publication ended since is 409. `rejected` \
                    leaves the record as it is, with the reason for the applicant.""")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RepairDecisionRequest.class),
            examples = {@ExampleObject(name = "approved", value = RepairExamples.DECISION),
                    @ExampleObject(name = "rejected", value = RepairExamples.REJECTION)}))
    @APIResponse(responseCode = "200", description = "Decided",
            content = @Content(schema = @Schema(implementation = RepairView.class), examples = @ExampleObject(name = "approved",
                    value = RepairExamples.APPROVED)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", description = "Decided already, a stale version, or the record is no longer published",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "stale", value = RepairExamples.STALE)))
    public Uni<RepairView> decide(@Parameter(example = "318", schema = @Schema(type = SchemaType.STRING, pattern = "^[1-9][0-9]{0,17}$"))
            @PathParam("id") String id, @NotNull @Valid RepairDecisionRequest request) {
        return decisions.decide(Ids.positive(id, "id"), request, ApiClient.of(caller));
    }

    @Schema(name = "RepairApplicationPage")
    record RepairPage(@Schema(required = true) List<RepairView> items,
            @Schema(required = true, nullable = true, description = "Opaque; pass as `cursor` for the next page, null on the last page")
            String nextCursor) {
    }
}
