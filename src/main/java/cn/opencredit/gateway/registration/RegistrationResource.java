package cn.opencredit.gateway.registration;

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

import cn.opencredit.gateway.shared.paging.Page;
import cn.opencredit.gateway.shared.problem.ProblemDetail;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.security.Scopes;
import cn.opencredit.gateway.shared.web.IdempotencyKeys;
import cn.opencredit.gateway.shared.web.Ids;

@Path("/api/v1/registrations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "registration", description = "信用信息自愿注册: items subjects register with a truthfulness commitment, verified by the responsible "
        + "department")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "406", ref = "NotAcceptable")
@APIResponse(responseCode = "429", ref = "RateLimited")
@APIResponse(responseCode = "503", ref = "Unavailable")
public class RegistrationResource {

    private final RegistrationService registrations;
    private final RegistrationDecisionService decisions;
    private final SecurityIdentity caller;

    RegistrationResource(RegistrationService registrations, RegistrationDecisionService decisions, SecurityIdentity caller) {
        this.registrations = registrations;
        this.decisions = decisions;
        this.caller = caller;
    }

    @GET
    @Path("/commitment-text")
    @RolesAllowed({Scopes.PUBLIC_READ, Scopes.ANONYMOUS})
    @SecurityRequirementsSet
    @SecurityRequirement(name = "apiKey", scopes = Scopes.PUBLIC_READ)
    @Operation(operationId = "getRegistrationCommitmentText", summary = "The truthfulness commitment a registration accepts",
            description = "The published 信用承诺 text, to show before submitting; a registration sends it back word for word with "
                    + "`accepted: true`.")
    @APIResponse(responseCode = "200", description = "The commitment text", content = @Content(schema = @Schema(implementation =
            CommitmentTextView.class), examples = @ExampleObject(name = "standard", value = RegistrationExamples.COMMITMENT_TEXT)))
    public CommitmentTextView commitmentText() {
        return registrations.commitmentText();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Scopes.SELF_READ, Scopes.ADMIN})
    @SecurityRequirement(name = "apiKey", scopes = Scopes.SELF_READ)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.ADMIN)
    @Operation(operationId = "submitRegistration", summary = "Register a credit information item voluntarily",
            description = """
                    A subject (a consumer bound to its USCC, for that USCC only) or an operator at the service window registers one \
                    item: its category's fields, evidence files uploaded before (`POST /api/v1/evidence`) and the truthfulness \
                    commitment, accepted. The item goes to the department configured for its category and the subject's region \
                    (`opencredit.registration.routes`; none: 409 `no-department`, nothing stored), due within \
                    `opencredit.registration.verify-within-working-days` working days. With an `Idempotency-Key`, the same request \
                    again answers the same item (200, `Idempotent-Replayed: true`); the key with another request is 409.""")
    @Parameter(name = IdempotencyKeys.HEADER, in = ParameterIn.HEADER, description = "1 to 200 printable ASCII characters",
            schema = @Schema(type = SchemaType.STRING, maxLength = 200))
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RegistrationRequest.class),
            examples = {@ExampleObject(name = "qualification", value = RegistrationExamples.REQUEST),
                    @ExampleObject(name = "contract-performance", value = RegistrationExamples.CONTRACT_REQUEST)}))
    @APIResponse(responseCode = "201", description = "Submitted; `Location` is the item",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(schema = @Schema(implementation = RegistrationView.class), examples = @ExampleObject(name = "submitted",
                    value = RegistrationExamples.SUBMITTED)))
    @APIResponse(responseCode = "200", description = "The item an earlier request with this Idempotency-Key submitted",
            headers = @Header(name = "Idempotent-Replayed", schema = @Schema(type = SchemaType.STRING, enumeration = "true")),
            content = @Content(schema = @Schema(implementation = RegistrationView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "SubjectNotFound")
    @APIResponse(responseCode = "409", description = "No department verifies the category in the subject's region, or the Idempotency-Key "
            + "was used for another request", content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation =
            ProblemDetail.class), examples = @ExampleObject(name = "no-department", value = RegistrationExamples.NO_DEPARTMENT)))
    public Uni<RestResponse<RegistrationView>> submit(@NotNull @Valid RegistrationRequest request, @HeaderParam(IdempotencyKeys.HEADER)
            String key, UriInfo uri) {
        return registrations.submit(ApiClient.of(caller), request, key).map(submitted -> submitted.replayed()
                ? RestResponse.ResponseBuilder.ok(submitted.registration()).header("Idempotent-Replayed", "true").build()
                : RestResponse.ResponseBuilder.<RegistrationView>created(URI.create(uri.getPath() + "/" + submitted.registration().id()))
                        .entity(submitted.registration()).build());
    }

    @GET
    @RolesAllowed({Scopes.SELF_READ, Scopes.INGEST_WRITE, Scopes.ADMIN})
    @SecurityRequirement(name = "apiKey", scopes = Scopes.SELF_READ)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.INGEST_WRITE)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.ADMIN)
    @Operation(operationId = "listRegistrations", summary = "Registration items: a department's queue, a subject's own",
            description = """
                    Newest first. A department sees the items routed to it (its queue: `state=submitted`, and `overdue=true` for \
                    those past their due day); a subject its own; an operator any, optionally of one `department` or `subject`. \
                    Keyset paging: follow `nextCursor`.""")
    @APIResponse(responseCode = "200", description = "One page of items", content = @Content(schema = @Schema(implementation =
            RegistrationPage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Uni<Page<RegistrationView>> list(
            @Parameter(description = "Operators and subjects: only this department's (USCC)") @QueryParam("department") String department,
            @Parameter(description = "Operators and departments: only of this subject (USCC)") @QueryParam("subject") String subject,
            @Parameter(description = "Only in this state", schema = @Schema(implementation = RegistrationState.class)) @QueryParam("state")
            String state,
            @Parameter(description = "Only of this category", schema = @Schema(implementation = RegistrationCategory.class))
            @QueryParam("category") String category,
            @Parameter(description = "true: only submitted ones past their due day", schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("overdue") String overdue,
            @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100",
                    defaultValue = "20")) @QueryParam("limit") String limit,
            @Parameter(description = "`nextCursor` of the previous page") @QueryParam("cursor") String cursor) {
        return registrations.list(ApiClient.of(caller), department, subject, state, category, overdue, limit, cursor);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Scopes.SELF_READ, Scopes.INGEST_WRITE, Scopes.ADMIN})
    @SecurityRequirement(name = "apiKey", scopes = Scopes.SELF_READ)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.INGEST_WRITE)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.ADMIN)
    @Operation(operationId = "getRegistration", summary = "One registration item with its transitions",
            description = "For its subject, the department that verifies it and operators.")
    @APIResponse(responseCode = "200", description = "The item", content = @Content(schema = @Schema(implementation = RegistrationView.class),
            examples = @ExampleObject(name = "verified", value = RegistrationExamples.VERIFIED)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<RegistrationView> find(@Parameter(example = "57", schema = @Schema(type = SchemaType.STRING, pattern = "^[1-9][0-9]{0,17}$"))
            @PathParam("id") String id) {
        return registrations.find(Ids.positive(id, "id"), ApiClient.of(caller));
    }

    @POST
    @Path("/{id}/verification")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Scopes.INGEST_WRITE, Scopes.ADMIN})
    @SecurityRequirement(name = "apiKey", scopes = Scopes.INGEST_WRITE)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.ADMIN)
    @Operation(operationId = "verifyRegistration", summary = "Verify or reject a registration item",
            description = """
                    The department the item is routed to (a consumer bound to its USCC) or an operator: `verified` publishes it \
                    as a credit record of category `voluntary` with the subject as its source, counted in the evaluation; \
                    `rejected` (with a reason) does not. Made on the `version` last read: a stale one is 409.""")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = VerificationRequest.class),
            examples = {@ExampleObject(name = "verified", value = RegistrationExamples.VERIFICATION),
                    @ExampleObject(name = "rejected", value = RegistrationExamples.REJECTION)}))
    @APIResponse(responseCode = "200", description = "Verified or rejected", content = @Content(schema = @Schema(implementation =
            RegistrationView.class), examples = @ExampleObject(name = "verified", value = RegistrationExamples.VERIFIED)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", description = "Verified, rejected or withdrawn already, or a stale version",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "stale", value = RegistrationExamples.STALE)))
    public Uni<RegistrationView> verify(@Parameter(example = "57", schema = @Schema(type = SchemaType.STRING, pattern = "^[1-9][0-9]{0,17}$"))
            @PathParam("id") String id, @NotNull @Valid VerificationRequest request) {
        return decisions.verify(Ids.positive(id, "id"), request, ApiClient.of(caller));
    }

    @POST
    @Path("/{id}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Scopes.SELF_READ, Scopes.ADMIN})
    @SecurityRequirement(name = "apiKey", scopes = Scopes.SELF_READ)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.ADMIN)
    @Operation(operationId = "withdrawRegistration", summary = "Withdraw a registration item",
            description = "The subject (or an operator for it) takes a submitted item back, or a verified one, whose record then stops "
                    + "being published and counting. Made on the `version` last read.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = WithdrawalRequest.class),
            examples = @ExampleObject(name = "withdrawal", value = RegistrationExamples.WITHDRAWAL)))
    @APIResponse(responseCode = "200", description = "Withdrawn", content = @Content(schema = @Schema(implementation = RegistrationView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<RegistrationView> withdraw(@Parameter(example = "57", schema = @Schema(type = SchemaType.STRING, pattern = "^[1-9][0-9]{0,17}$"))
            @PathParam("id") String id, @NotNull @Valid WithdrawalRequest request) {
        return decisions.withdraw(Ids.positive(id, "id"), request, ApiClient.of(caller));
    }

    @POST
    @Path("/{id}/falsity")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Scopes.INGEST_WRITE, Scopes.ADMIN})
    @SecurityRequirement(name = "apiKey", scopes = Scopes.INGEST_WRITE)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.ADMIN)
    @Operation(operationId = "findRegistrationFalse", summary = "Find a verified registration item false",
            description = """
                    The department that verified the item (or an operator) finds it false: its voluntary record is revoked and a \
                    failing record (违反信用承诺, category `commitment`, severity `general`) is published with the department as its \
                    source, counted in the evaluation. Made on the `version` last read.""")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = FalsityRequest.class),
            examples = @ExampleObject(name = "falsity", value = RegistrationExamples.FALSITY)))
    @APIResponse(responseCode = "200", description = "Found false", content = @Content(schema = @Schema(implementation = RegistrationView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<RegistrationView> findFalse(@Parameter(example = "57", schema = @Schema(type = SchemaType.STRING, pattern = "^[1-9][0-9]{0,17}$"))
            @PathParam("id") String id, @NotNull @Valid FalsityRequest request) {
        return decisions.findFalse(Ids.positive(id, "id"), request, ApiClient.of(caller));
    }

    @Schema(name = "RegistrationPage")
    record RegistrationPage(@Schema(required = true) List<RegistrationView> items,
            @Schema(required = true, nullable = true, description = "Opaque; pass as `cursor` for the next page, null on the last page")
            String nextCursor) {
    }
}
