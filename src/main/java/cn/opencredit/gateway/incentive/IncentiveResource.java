package cn.opencredit.gateway.incentive;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

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

import cn.opencredit.gateway.shared.audit.Audited;
import cn.opencredit.gateway.shared.problem.ProblemDetail;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.security.Scopes;
import cn.opencredit.gateway.shared.uscc.Uscc;
import cn.opencredit.gateway.shared.web.ConditionalResponses;
import cn.opencredit.gateway.shared.web.RequestIdFilter;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "incentive", description = "信易+: credit-based benefits and who qualifies for them")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "406", ref = "NotAcceptable")
@APIResponse(responseCode = "429", ref = "RateLimited")
@APIResponse(responseCode = "503", ref = "Unavailable")
public class IncentiveResource {

    private static final String CODE_EXAMPLE = "fast-approval";

    private final IncentiveService incentives;
    private final SecurityIdentity caller;

    IncentiveResource(IncentiveService incentives, SecurityIdentity caller) {
        this.incentives = incentives;
        this.caller = caller;
    }

    @GET
    @Path("/incentives")
    @RolesAllowed(Scopes.PUBLIC_READ)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.PUBLIC_READ)
    @Operation(operationId = "listIncentives", summary = "The 信易+ catalogue",
            description = "Every scenario: who grants what to which kinds of subject, for which period, and the rule that decides who "
                    + "qualifies, as named CEL conditions over the subject's facts (docs/capabilities/incentive.md lists them).")
    @APIResponse(responseCode = "200", description = "The catalogue", content = @Content(schema = @Schema(implementation = CatalogueView.class),
            examples = @ExampleObject(name = "catalogue", value = IncentiveExamples.CATALOGUE)))
    public Uni<CatalogueView> catalogue() {
        return incentives.scenarios().map(CatalogueView::new);
    }

    @PUT
    @Path("/admin/incentives/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.ADMIN)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.ADMIN)
    @Operation(operationId = "saveIncentive", summary = "Create or replace a 信易+ scenario",
            description = "Operators keep the catalogue. Each condition's expression (and measure) is parsed and type-checked against the "
                    + "declared facts: one that does not parse, names an unknown fact or is not a true/false test is refused with 400, "
                    + "its field and its line and column in `errors`. Answers are recomputed under the new catalogue at once on every "
                    + "replica.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ScenarioRequest.class),
            examples = @ExampleObject(name = "fast-approval", value = IncentiveExamples.SCENARIO)))
    @APIResponse(responseCode = "200", description = "Saved", content = @Content(schema = @Schema(implementation = ScenarioView.class),
            examples = @ExampleObject(name = "saved", value = IncentiveExamples.SCENARIO_VIEW)))
    @APIResponse(responseCode = "400", description = "The body or a rule is invalid; `errors` names each, with the position in the rule",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "unknown-fact", value = IncentiveExamples.BAD_RULE)))
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Uni<ScenarioView> save(@Parameter(example = CODE_EXAMPLE, schema = @Schema(type = SchemaType.STRING, pattern = "^[a-z][a-z0-9-]{1,39}$"))
            @PathParam("code") String code, @NotNull @Valid ScenarioRequest request) {
        return incentives.save(code, request);
    }

    @GET
    @Path("/subjects/{uscc}/incentives")
    @RolesAllowed(Scopes.INCENTIVE_READ)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.INCENTIVE_READ)
    @Audited("incentive.eligibility")
    @Operation(operationId = "getSubjectIncentives", summary = "What an enterprise qualifies for, and why not the rest",
            description = "Every scenario in force today for the subject's kind: eligible or not, and for each not, every condition it "
                    + "fails with its reason in Chinese (`reasonZh`) and the facts behind it. Cached per subject and catalogue revision "
                    + "until the subject's data changes; `X-Cache` says whether it came from the cache. Every call is in the subject's "
                    + "access log.")
    @APIResponse(responseCode = "200", description = "The subject's eligibility",
            headers = {@Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "X-Cache", schema = @Schema(type = SchemaType.STRING, enumeration = {"HIT", "MISS"}))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EligibilityView.class),
                    examples = @ExampleObject(name = "enterprise", value = IncentiveExamples.ELIGIBILITY)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag given in If-None-Match",
            headers = {@Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "X-Cache", schema = @Schema(type = SchemaType.STRING, enumeration = {"HIT", "MISS"}))})
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "SubjectNotFound")
    public Uni<RestResponse<String>> forSubject(
            @Parameter(description = "统一社会信用代码, 18 characters", example = "91659001MA00000152",
                    schema = @Schema(type = SchemaType.STRING, minLength = 18, maxLength = 64)) @PathParam("uscc") Uscc uscc,
            @Parameter(description = "An ETag of an earlier answer: 304 if the answer has not changed since")
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return incentives.forSubject(uscc).map(answer -> ConditionalResponses.of(answer, ifNoneMatch));
    }

    @GET
    @Path("/persons/{personId}/incentives")
    @RolesAllowed(Scopes.INCENTIVE_READ)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.INCENTIVE_READ)
    @Operation(operationId = "getPersonIncentives", summary = "What a person qualifies for, and why not the rest",
            description = "As for an enterprise, for a natural person (the identity number masked). An app reads it only while the "
                    + "person's consent to it (purpose incentive) is active; without one the person is not found for that app (404), "
                    + "so that the answer says nothing of the person. Departments and operators read under their scope. Not cached; "
                    + "every answer is in the person's access log before it leaves.")
    @APIResponse(responseCode = "200", description = "The person's eligibility", content = @Content(schema = @Schema(implementation = EligibilityView.class),
            examples = @ExampleObject(name = "person", value = IncentiveExamples.PERSON_ELIGIBILITY)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<EligibilityView> forPerson(@Parameter(example = "0b6f1c1e-8a0e-4a53-9d43-54a1a3c1d2e4",
            schema = @Schema(type = SchemaType.STRING, maxLength = 36)) @PathParam("personId") String personId,
            @HeaderParam(RequestIdFilter.HEADER) String requestId) {
        return incentives.forPerson(personId, ApiClient.of(caller), requestId);
    }

    @POST
    @Path("/incentives/{code}/checks")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.INCENTIVE_READ)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.INCENTIVE_READ)
    @Operation(operationId = "checkIncentive", summary = "Check up to 1 000 subjects against one scenario",
            description = "Each subject by USCC, answered in the order asked: eligible or not with the unmet conditions, or why it was "
                    + "not checked (invalid-uscc, subject-not-found, not-applicable). More than 1 000 subjects: 413. Each subject found "
                    + "is in its access log.")
    @RequestBody(content = @Content(schema = @Schema(implementation = BatchCheckRequest.class),
            examples = @ExampleObject(name = "two", value = IncentiveExamples.BATCH)))
    @APIResponse(responseCode = "200", description = "The results", content = @Content(schema = @Schema(implementation = BatchCheckView.class),
            examples = @ExampleObject(name = "results", value = IncentiveExamples.BATCH_VIEW)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "413", description = "More than 1 000 subjects",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "too-many", value = IncentiveExamples.TOO_MANY)))
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Uni<BatchCheckView> check(@Parameter(example = CODE_EXAMPLE, schema = @Schema(type = SchemaType.STRING, maxLength = 40))
            @PathParam("code") String code, @NotNull @Valid BatchCheckRequest request, @HeaderParam(RequestIdFilter.HEADER) String requestId) {
        return incentives.check(code, request, ApiClient.of(caller), requestId);
    }
}
