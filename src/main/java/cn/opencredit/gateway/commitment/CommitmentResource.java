package cn.opencredit.gateway.commitment;

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

@Path("/api/v1/commitments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "commitment", description = "信用承诺: commitments departments take in their procedures, and their fulfilment (践诺) or breach")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "406", ref = "NotAcceptable")
@APIResponse(responseCode = "429", ref = "RateLimited")
@APIResponse(responseCode = "503", ref = "Unavailable")
public class CommitmentResource {

    static final String REPLAYED = "Idempotent-Replayed";

    private final CommitmentReportingService reporting;
    private final CommitmentService commitments;
    private final CommitmentDecisionService decisions;
    private final SecurityIdentity caller;

    CommitmentResource(CommitmentReportingService reporting, CommitmentService commitments, CommitmentDecisionService decisions,
            SecurityIdentity caller) {
        this.reporting = reporting;
        this.commitments = commitments;
        this.decisions = decisions;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Scopes.INGEST_WRITE, Scopes.ADMIN})
    @SecurityRequirement(name = "apiKey", scopes = Scopes.INGEST_WRITE)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.ADMIN)
    @Operation(operationId = "reportCommitments", summary = "Report a batch of credit commitments",
            description = """
                    A department (a consumer bound to its USCC) reports the commitments taken in its procedures, up to 1 000 per \
                    batch (opencredit.commitment.max-rows); an operator reports for a department it names in each row. Every row \
                    is checked on its own: refused rows say why and never block the others; the rows taken are written in one \
                    transaction, each with a `reported` (or `amended`) line in the subject's timeline. A commitment is identified by \
                    its department and `sourceCommitmentId`: sending it again updates it while it is open (version + 1) or, when \
                    nothing changed, leaves it unchanged. A deficiency-tolerance (容缺受理) commitment needs a deadline, and so does a \
                    notification (告知承诺) with obligations pending; a new or moved deadline must not have passed. With an \
                    `Idempotency-Key`, the first answer is kept for 24 hours and a retry of the same request gets it again with \
                    `Idempotent-Replayed: true`; the same key with another body is a 409.""")
    @Parameter(name = IdempotencyKeys.HEADER, in = ParameterIn.HEADER, description = "1 to 200 printable ASCII characters; a retry with the "
            + "same key and body gets the first answer", schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 200))
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CommitmentBatchRequest.class),
            examples = @ExampleObject(name = "batch", value = CommitmentExamples.BATCH)))
    @APIResponse(responseCode = "200", description = "What happened to every row",
            headers = @Header(name = REPLAYED, description = "`true` when this is the stored answer to an earlier request with the same key",
                    schema = @Schema(type = SchemaType.STRING, enumeration = "true")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommitmentReportView.class),
                    examples = @ExampleObject(name = "report", value = CommitmentExamples.REPORT)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", description = "The Idempotency-Key was used for a different request, or a concurrent batch reported "
            + "one of the commitments at the same moment", content = @Content(mediaType = ProblemDetail.MEDIA_TYPE,
            schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "413", description = "More rows than a batch may carry, or a body over the size limit",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "too-many-rows", value = CommitmentExamples.TOO_MANY_ROWS)))
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Uni<RestResponse<String>> report(@NotNull CommitmentBatchRequest request, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return reporting.report(ApiClient.of(caller), request, key).map(answer -> {
            RestResponse.ResponseBuilder<String> response = RestResponse.ResponseBuilder.ok(answer.reportJson(), MediaType.APPLICATION_JSON_TYPE);
            return answer.replayed() ? response.header(REPLAYED, "true").build() : response.build();
        });
    }

    @GET
    @AuditedBulk("commitments.list")
    @RolesAllowed({Scopes.SELF_READ, Scopes.INGEST_WRITE, Scopes.ADMIN})
    @SecurityRequirement(name = "apiKey", scopes = Scopes.SELF_READ)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.INGEST_WRITE)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.ADMIN)
    @Operation(operationId = "listCommitments", summary = "Commitments: the ones a department reported, a subject's own",
            description = """
                    Newest first. A department sees the commitments it reported (`overdue=true`: open ones past their deadline); a \
                    subject its own; an operator any, optionally of one `department` or `subject`. Keyset paging: follow \
                    `nextCursor`.""")
    @APIResponse(responseCode = "200", description = "One page of commitments", content = @Content(schema = @Schema(implementation =
            CommitmentPage.class), examples = @ExampleObject(name = "page", value = CommitmentExamples.PAGE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Uni<Page<CommitmentView>> list(
            @Parameter(description = "Operators and subjects: only this department's (USCC)") @QueryParam("department") String department,
            @Parameter(description = "Operators and departments: only of this subject (USCC)") @QueryParam("subject") String subject,
            @Parameter(description = "Only in this state", schema = @Schema(implementation = CommitmentState.class)) @QueryParam("state")
            String state,
            @Parameter(description = "Only of this type", schema = @Schema(implementation = CommitmentType.class)) @QueryParam("type")
            String type,
            @Parameter(description = "true: only open ones past their deadline", schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("overdue") String overdue,
            @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100",
                    defaultValue = "20")) @QueryParam("limit") String limit,
            @Parameter(description = "`nextCursor` of the previous page") @QueryParam("cursor") String cursor) {
        return commitments.list(ApiClient.of(caller), department, subject, state, type, overdue, limit, cursor);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Scopes.SELF_READ, Scopes.INGEST_WRITE, Scopes.ADMIN})
    @SecurityRequirement(name = "apiKey", scopes = Scopes.SELF_READ)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.INGEST_WRITE)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.ADMIN)
    @Operation(operationId = "getCommitment", summary = "One commitment with its transitions",
            description = "For its subject, the department that took it and operators.")
    @APIResponse(responseCode = "200", description = "The commitment", content = @Content(schema = @Schema(implementation =
            CommitmentView.class), examples = @ExampleObject(name = "fulfilled", value = CommitmentExamples.COMMITMENT)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<CommitmentView> find(@Parameter(example = "318", schema = @Schema(type = SchemaType.STRING, pattern = "^[1-9][0-9]{0,17}$"))
            @PathParam("id") String id) {
        return commitments.find(Ids.positive(id, "id"), ApiClient.of(caller));
    }

    @POST
    @Path("/{id}/outcome")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Scopes.INGEST_WRITE, Scopes.ADMIN})
    @SecurityRequirement(name = "apiKey", scopes = Scopes.INGEST_WRITE)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.ADMIN)
    @Operation(operationId = "reportCommitmentOutcome", summary = "Report a commitment fulfilled, breached or cancelled",
            description = """
                    The department that took the commitment (or an operator): `fulfilled` (践诺) counts in the subject's evaluation \
                    as a commitment kept; `breached` (违诺, with a reason) publishes a failing record of category `commitment` \
                    (违反信用承诺) with the department as its source and the severity of the type (general for notification, \
                    deficiency-tolerance and repair; minor for voluntary and industry-self-discipline); `cancelled` (with a reason) \
                    closes it without either. A deficiency-tolerance commitment cannot be fulfilled after its deadline. Made on the \
                    `version` last read: a stale one is 409.""")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CommitmentOutcomeRequest.class),
            examples = {@ExampleObject(name = "fulfilled", value = CommitmentExamples.FULFILMENT),
                    @ExampleObject(name = "breached", value = CommitmentExamples.BREACH),
                    @ExampleObject(name = "cancelled", value = CommitmentExamples.CANCELLATION)}))
    @APIResponse(responseCode = "200", description = "The commitment with its outcome", content = @Content(schema = @Schema(implementation =
            CommitmentView.class), examples = @ExampleObject(name = "fulfilled", value = CommitmentExamples.COMMITMENT)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", description = "Not open any more, a stale version, or a 容缺受理 fulfilment after its deadline",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "stale", value = CommitmentExamples.STALE)))
    public Uni<CommitmentView> decide(@Parameter(example = "318", schema = @Schema(type = SchemaType.STRING, pattern = "^[1-9][0-9]{0,17}$"))
            @PathParam("id") String id, @NotNull @Valid CommitmentOutcomeRequest request) {
        return decisions.decide(Ids.positive(id, "id"), request, ApiClient.of(caller));
    }

    @Schema(name = "CommitmentPage")
    record CommitmentPage(@Schema(required = true) List<CommitmentView> items,
            @Schema(required = true, nullable = true, description = "Opaque; pass as `cursor` for the next page, null on the last page")
            String nextCursor) {
    }
}
