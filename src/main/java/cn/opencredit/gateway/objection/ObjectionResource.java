package cn.opencredit.gateway.objection;

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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.shared.paging.Page;
import cn.opencredit.gateway.shared.problem.ProblemDetail;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.security.Scopes;
import cn.opencredit.gateway.shared.web.IdempotencyKeys;
import cn.opencredit.gateway.shared.web.Ids;

@Path("/api/v1/objections")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "objection", description = "异议: disputes about credit records, decided by the record's source department")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "406", ref = "NotAcceptable")
@APIResponse(responseCode = "429", ref = "RateLimited")
@APIResponse(responseCode = "503", ref = "Unavailable")
public class ObjectionResource {

    private final ObjectionService objections;
    private final SecurityIdentity caller;

    ObjectionResource(ObjectionService objections, SecurityIdentity caller) {
        this.objections = objections;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Scopes.SELF_READ, Scopes.AUTHORISED_READ, Scopes.ADMIN})
    @SecurityRequirement(name = "apiKey", scopes = Scopes.SELF_READ)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.AUTHORISED_READ)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.ADMIN)
    @Operation(operationId = "fileObjection", summary = "Dispute a credit record",
            description = """
                    Files an objection against a record: by the subject itself (a consumer bound to its USCC) about its own \
                    records, by a bank or credit agency about public records it received, or by an operator at the service window. \
                    From then on the record shows `disputed` everywhere (records, profile, change feed) until the record's source \
                    department decides; it keeps counting in the evaluation meanwhile. The decision is due within \
                    `opencredit.objection.decide-within-working-days` working days (shipped calendar). One open objection per \
                    record. With an `Idempotency-Key`, the same request again answers the same objection (200, \
                    `Idempotent-Replayed: true`); the key with another request is 409.""")
    @Parameter(name = IdempotencyKeys.HEADER, in = ParameterIn.HEADER, description = "1 to 200 printable ASCII characters",
            schema = @Schema(type = SchemaType.STRING, maxLength = 200))
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ObjectionRequest.class),
            examples = @ExampleObject(name = "revoked-decision", value = ObjectionExamples.REQUEST)))
    @APIResponse(responseCode = "201", description = "Filed; `Location` is the objection",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(schema = @Schema(implementation = ObjectionView.class), examples = @ExampleObject(name = "filed",
                    value = ObjectionExamples.FILED)))
    @APIResponse(responseCode = "200", description = "The objection an earlier request with this Idempotency-Key filed",
            headers = @Header(name = "Idempotent-Replayed", schema = @Schema(type = SchemaType.STRING, enumeration = "true")),
            content = @Content(schema = @Schema(implementation = ObjectionView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", description = "No record with this id that the filer may see",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "409", description = "The record is under objection already, no longer published, or the Idempotency-Key "
            + "was used for another request", content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    public Uni<RestResponse<ObjectionView>> file(@NotNull @Valid ObjectionRequest request, @HeaderParam(IdempotencyKeys.HEADER) String key,
            UriInfo uri) {
        return objections.file(ApiClient.of(caller), request, key).map(filed -> filed.replayed()
                ? RestResponse.ResponseBuilder.ok(filed.objection()).header("Idempotent-Replayed", "true").build()
                : RestResponse.ResponseBuilder.<ObjectionView>created(URI.create(uri.getPath() + "/" + filed.objection().id()))
                        .entity(filed.objection()).build());
    }

    @GET
    @RolesAllowed({Scopes.SELF_READ, Scopes.AUTHORISED_READ, Scopes.INGEST_WRITE, Scopes.ADMIN})
    @SecurityRequirement(name = "apiKey", scopes = Scopes.SELF_READ)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.AUTHORISED_READ)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.INGEST_WRITE)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.ADMIN)
    @Operation(operationId = "listObjections", summary = "Objections: a department's queue, a subject's own",
            description = """
                    Newest first. A department sees the objections it decides (its queue: `state=filed`, and `overdue=true` for \
                    those past their due day); a subject those about it; a bank or agency those it filed; an operator any, \
                    optionally of one `department` or `subject`. Keyset paging: follow `nextCursor`.""")
    @APIResponse(responseCode = "200", description = "One page of objections",
            content = @Content(schema = @Schema(implementation = ObjectionPage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "SubjectNotFound")
    public Uni<Page<ObjectionView>> list(
            @Parameter(description = "Operators: only this department's (USCC)") @QueryParam("department") String department,
            @Parameter(description = "Operators and departments: only about this subject (USCC)") @QueryParam("subject") String subject,
            @Parameter(description = "Only in this state", schema = @Schema(implementation = ObjectionState.class)) @QueryParam("state") String state,
            @Parameter(description = "true: only open ones past their due day", schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("overdue") String overdue,
            @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100",
                    defaultValue = "20")) @QueryParam("limit") String limit,
            @Parameter(description = "`nextCursor` of the previous page") @QueryParam("cursor") String cursor) {
        return objections.list(ApiClient.of(caller), department, subject, state, overdue, limit, cursor);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Scopes.SELF_READ, Scopes.AUTHORISED_READ, Scopes.INGEST_WRITE, Scopes.ADMIN})
    @SecurityRequirement(name = "apiKey", scopes = Scopes.SELF_READ)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.AUTHORISED_READ)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.INGEST_WRITE)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.ADMIN)
    @Operation(operationId = "getObjection", summary = "One objection with its transitions",
            description = "For its filer, its subject, the deciding department and operators.")
    @APIResponse(responseCode = "200", description = "The objection",
            content = @Content(schema = @Schema(implementation = ObjectionView.class), examples = @ExampleObject(name = "decided",
                    value = ObjectionExamples.DECIDED)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<ObjectionView> find(@Parameter(example = "412", schema = @Schema(type = SchemaType.STRING, pattern = "^[1-9][0-9]{0,17}$"))
            @PathParam("id") String id) {
        return objections.find(Ids.positive(id, "id"), ApiClient.of(caller));
    }

    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Scopes.INGEST_WRITE, Scopes.ADMIN})
    @SecurityRequirement(name = "apiKey", scopes = Scopes.INGEST_WRITE)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.ADMIN)
    @Operation(operationId = "decideObjection", summary = "Decide an objection",
            description = """
                    The record's source department (a consumer bound to its USCC) or an operator decides: `corrected` (the record \
                    becomes a new, corrected version; the old one stays in its history), `revoked` (it stops being published) or \
                    `upheld` (it stands as before, no longer disputed). The change reaches the records, the profile, the change \
                    feed, the evaluation and the caches at once. Made on the `version` last read: a stale one is 409.""")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = DecisionRequest.class),
            examples = {@ExampleObject(name = "revoked", value = ObjectionExamples.DECISION),
                    @ExampleObject(name = "corrected", value = ObjectionExamples.CORRECTION)}))
    @APIResponse(responseCode = "200", description = "Decided",
            content = @Content(schema = @Schema(implementation = ObjectionView.class), examples = @ExampleObject(name = "decided",
                    value = ObjectionExamples.DECIDED)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", description = "Decided or withdrawn already, or a stale version",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "stale", value = ObjectionExamples.STALE)))
    public Uni<ObjectionView> decide(@Parameter(example = "412", schema = @Schema(type = SchemaType.STRING, pattern = "^[1-9][0-9]{0,17}$"))
            @PathParam("id") String id, @NotNull @Valid DecisionRequest request) {
        return objections.decide(Ids.positive(id, "id"), request, ApiClient.of(caller));
    }

    @POST
    @Path("/{id}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Scopes.SELF_READ, Scopes.AUTHORISED_READ, Scopes.ADMIN})
    @SecurityRequirement(name = "apiKey", scopes = Scopes.SELF_READ)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.AUTHORISED_READ)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.ADMIN)
    @Operation(operationId = "withdrawObjection", summary = "Withdraw an objection",
            description = "Its filer takes an open objection back; the record is as it was before. Made on the `version` last read.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = WithdrawalRequest.class),
            examples = @ExampleObject(name = "withdrawn", value = ObjectionExamples.WITHDRAWAL)))
    @APIResponse(responseCode = "200", description = "Withdrawn", content = @Content(schema = @Schema(implementation = ObjectionView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<ObjectionView> withdraw(@Parameter(example = "412", schema = @Schema(type = SchemaType.STRING, pattern = "^[1-9][0-9]{0,17}$"))
            @PathParam("id") String id, @NotNull @Valid WithdrawalRequest request) {
        return objections.withdraw(Ids.positive(id, "id"), request, ApiClient.of(caller));
    }

    @Schema(name = "ObjectionPage")
    record ObjectionPage(@Schema(required = true) List<ObjectionView> items,
            @Schema(required = true, nullable = true, description = "Opaque; pass as `cursor` for the next page, null on the last page")
            String nextCursor) {
    }
}
