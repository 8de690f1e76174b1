package cn.opencredit.gateway.finance;

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

import cn.opencredit.gateway.shared.audit.AuditedBulk;
import cn.opencredit.gateway.shared.paging.Page;
import cn.opencredit.gateway.shared.problem.ProblemDetail;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.security.Scopes;
import cn.opencredit.gateway.shared.web.IdempotencyKeys;
import cn.opencredit.gateway.shared.web.Ids;

@Path("/api/v1/finance/demands")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "finance")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "406", ref = "NotAcceptable")
@APIResponse(responseCode = "429", ref = "RateLimited")
@APIResponse(responseCode = "503", ref = "Unavailable")
public class DemandResource {

    private final DemandService demands;
    private final OfferService offers;
    private final OutcomeService outcomes;
    private final SecurityIdentity caller;

    DemandResource(DemandService demands, OfferService offers, OutcomeService outcomes, SecurityIdentity caller) {
        this.demands = demands;
        this.offers = offers;
        this.outcomes = outcomes;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Scopes.SELF_READ, Scopes.ADMIN})
    @SecurityRequirement(name = "apiKey", scopes = Scopes.SELF_READ)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.ADMIN)
    @Operation(operationId = "postFinancingDemand", summary = "Post a financing demand (融资需求)",
            description = """
                    The enterprise (a consumer bound to its USCC; another USCC is 403) or an operator for it at the service window \
                    asks for a loan: amount (exact decimal yuan, more than 0), term (1 to 360 months), purpose and guarantee type \
                    (credit 信用, mortgage 抵押, guarantee 担保). It goes to the bank consumers named in `banks` (each must be an \
                    active bank, else 400), or with none named to every active bank consumer. With an `Idempotency-Key`, the same \
                    request again answers the same demand (200, `Idempotent-Replayed: true`); the key with another request is 409.""")
    @Parameter(name = IdempotencyKeys.HEADER, in = ParameterIn.HEADER, description = "1 to 200 printable ASCII characters",
            schema = @Schema(type = SchemaType.STRING, maxLength = 200))
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = DemandRequest.class),
            examples = {@ExampleObject(name = "to-all-banks", value = MarketExamples.DEMAND_REQUEST),
                    @ExampleObject(name = "to-named-banks", value = MarketExamples.DEMAND_TO_BANKS)}))
    @APIResponse(responseCode = "201", description = "Posted; `Location` is the demand",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(schema = @Schema(implementation = DemandView.class), examples = @ExampleObject(name = "posted",
                    value = MarketExamples.DEMAND)))
    @APIResponse(responseCode = "200", description = "The demand an earlier request with this Idempotency-Key posted",
            headers = @Header(name = "Idempotent-Replayed", schema = @Schema(type = SchemaType.STRING, enumeration = "true")),
            content = @Content(schema = @Schema(implementation = DemandView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "SubjectNotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<RestResponse<DemandView>> post(@NotNull @Valid DemandRequest request, @HeaderParam(IdempotencyKeys.HEADER) String key,
            UriInfo uri) {
        return demands.post(ApiClient.of(caller), request, key).map(posted -> posted.replayed()
                ? RestResponse.ResponseBuilder.ok(posted.demand()).header("Idempotent-Replayed", "true").build()
                : RestResponse.ResponseBuilder.<DemandView>created(URI.create(uri.getPath() + "/" + posted.demand().id()))
                        .entity(posted.demand()).build());
    }

    @GET
    @AuditedBulk("finance.demands")
    @RolesAllowed({Scopes.SELF_READ, Scopes.FINANCE_READ, Scopes.ADMIN})
    @SecurityRequirement(name = "apiKey", scopes = Scopes.SELF_READ)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.FINANCE_READ)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.ADMIN)
    @Operation(operationId = "listFinancingDemands", summary = "Financing demands: an enterprise's own, those sent to a bank",
            description = """
                    Newest first. An enterprise sees its own demands with every answer; a bank those sent to it (by name, or to all \
                    banks) with its own answer and outcome only; an operator any, optionally of one `subject`. `state` filters. \
                    Keyset paging: follow `nextCursor`.""")
    @APIResponse(responseCode = "200", description = "One page of demands", content = @Content(schema = @Schema(implementation =
            DemandPage.class), examples = @ExampleObject(name = "open", value = MarketExamples.DEMANDS)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "SubjectNotFound")
    public Uni<Page<DemandView>> list(
            @Parameter(description = "Operators: only this enterprise's (USCC)") @QueryParam("subject") String subject,
            @Parameter(description = "Only in this state", schema = @Schema(implementation = DemandState.class)) @QueryParam("state")
            String state,
            @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100",
                    defaultValue = "20")) @QueryParam("limit") String limit,
            @Parameter(description = "`nextCursor` of the previous page") @QueryParam("cursor") String cursor) {
        return demands.list(ApiClient.of(caller), subject, state, limit, cursor);
    }

    @GET
    @Path("/{id}")
    @AuditedBulk("finance.demand")
    @RolesAllowed({Scopes.SELF_READ, Scopes.FINANCE_READ, Scopes.ADMIN})
    @SecurityRequirement(name = "apiKey", scopes = Scopes.SELF_READ)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.FINANCE_READ)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.ADMIN)
    @Operation(operationId = "getFinancingDemand", summary = "One financing demand",
            description = """
                    For its enterprise and operators, with every answer, outcome and transition; for a bank it was sent to, with \
                    that bank's own answer and outcome. To anyone else it does not exist (404).""")
    @APIResponse(responseCode = "200", description = "The demand", content = @Content(schema = @Schema(implementation = DemandView.class),
            examples = @ExampleObject(name = "accepted", value = MarketExamples.DEMAND)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<DemandView> find(@Parameter(example = "57", schema = @Schema(type = SchemaType.STRING, pattern = "^[1-9][0-9]{0,17}$"))
            @PathParam("id") String id) {
        return demands.find(Ids.positive(id, "id"), ApiClient.of(caller));
    }

    @POST
    @Path("/{id}/responses")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.FINANCE_READ)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.FINANCE_READ)
    @Operation(operationId = "answerFinancingDemand", summary = "A bank answers a demand: an offer or a decline",
            description = """
                    A bank the demand was sent to (else 404) answers once (a second answer is 409) while the demand is open (409 \
                    once accepted or withdrawn): an `offer` with amount, rate band (% per year, `rateFrom` ≤ `rateTo`) and term, or a \
                    `decline` with a reason code (outside-lending-policy, insufficient-repayment-capacity, adverse-credit-record, \
                    incomplete-information, amount-or-term, other with a note). Answers the demand as the bank sees it.""")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = OfferRequest.class),
            examples = {@ExampleObject(name = "offer", value = MarketExamples.OFFER),
                    @ExampleObject(name = "decline", value = MarketExamples.DECLINE)}))
    @APIResponse(responseCode = "200", description = "Answered", content = @Content(schema = @Schema(implementation = DemandView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<DemandView> answer(@Parameter(example = "57", schema = @Schema(type = SchemaType.STRING, pattern = "^[1-9][0-9]{0,17}$"))
            @PathParam("id") String id, @NotNull @Valid OfferRequest request) {
        return offers.answer(Ids.positive(id, "id"), request, ApiClient.of(caller));
    }

    @POST
    @Path("/{id}/acceptance")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Scopes.SELF_READ, Scopes.ADMIN})
    @SecurityRequirement(name = "apiKey", scopes = Scopes.SELF_READ)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.ADMIN)
    @Operation(operationId = "acceptFinancingOffer", summary = "The enterprise accepts one offer",
            description = """
                    The enterprise (or an operator for it) accepts one offer made on its open demand, on the `version` last read \
                    (stale: 409): that offer is accepted, every other offer not chosen, and the demand accepted. A decline or an \
                    unknown offer is 400.""")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = DemandAcceptanceRequest.class),
            examples = @ExampleObject(name = "acceptance", value = MarketExamples.ACCEPTANCE)))
    @APIResponse(responseCode = "200", description = "Accepted", content = @Content(schema = @Schema(implementation = DemandView.class),
            examples = @ExampleObject(name = "accepted", value = MarketExamples.DEMAND)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<DemandView> accept(@Parameter(example = "57", schema = @Schema(type = SchemaType.STRING, pattern = "^[1-9][0-9]{0,17}$"))
            @PathParam("id") String id, @NotNull @Valid DemandAcceptanceRequest request) {
        return offers.accept(Ids.positive(id, "id"), request, ApiClient.of(caller));
    }

    @POST
    @Path("/{id}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Scopes.SELF_READ, Scopes.ADMIN})
    @SecurityRequirement(name = "apiKey", scopes = Scopes.SELF_READ)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.ADMIN)
    @Operation(operationId = "withdrawFinancingDemand", summary = "The enterprise withdraws an open demand",
            description = "On the `version` last read (stale: 409); an accepted or withdrawn demand is 409. Answers stay as they were.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = DemandWithdrawalRequest.class),
            examples = @ExampleObject(name = "withdrawal", value = MarketExamples.WITHDRAWAL)))
    @APIResponse(responseCode = "200", description = "Withdrawn", content = @Content(schema = @Schema(implementation = DemandView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<DemandView> withdraw(@Parameter(example = "57", schema = @Schema(type = SchemaType.STRING, pattern = "^[1-9][0-9]{0,17}$"))
            @PathParam("id") String id, @NotNull @Valid DemandWithdrawalRequest request) {
        return demands.withdraw(Ids.positive(id, "id"), request, ApiClient.of(caller));
    }

    @POST
    @Path("/{id}/outcome")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.FINANCE_READ)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.FINANCE_READ)
    @Operation(operationId = "reportLoanOutcome", summary = "A bank reports the loan outcome of a demand",
            description = """
                    A bank the demand was sent to (else 404) reports once (a second report is 409): `granted` with amount, term, \
                    rate band, guarantee type and day, or `refused` with a reason code (the codes of a decline). The day is not in the \
                    future nor before the demand (400). No loan is granted on a withdrawn demand (409); a refusal may be reported \
                    whatever became of the demand.""")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = OutcomeRequest.class),
            examples = {@ExampleObject(name = "granted", value = MarketExamples.GRANTED),
                    @ExampleObject(name = "refused", value = MarketExamples.REFUSED)}))
    @APIResponse(responseCode = "200", description = "Reported", content = @Content(schema = @Schema(implementation = OutcomeView.class),
            examples = @ExampleObject(name = "granted", value = MarketExamples.OUTCOME)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", description = "No such demand was sent to this bank", content = @Content(mediaType =
            ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class), examples = @ExampleObject(name = "not-sent",
                    value = MarketExamples.NOT_SENT)))
    @APIResponse(responseCode = "409", description = "Reported already, or a loan on a withdrawn demand", content = @Content(mediaType =
            ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class), examples = @ExampleObject(
                    name = "already-reported", value = MarketExamples.ALREADY_REPORTED)))
    public Uni<OutcomeView> report(@Parameter(example = "57", schema = @Schema(type = SchemaType.STRING, pattern = "^[1-9][0-9]{0,17}$"))
            @PathParam("id") String id, @NotNull @Valid OutcomeRequest request) {
        return outcomes.report(Ids.positive(id, "id"), request, ApiClient.of(caller));
    }

    @Schema(name = "DemandPage")
    record DemandPage(@Schema(required = true) List<DemandView> items,
            @Schema(required = true, nullable = true, description = "Opaque; pass as `cursor` for the next page, null on the last page")
            String nextCursor) {
    }
}
