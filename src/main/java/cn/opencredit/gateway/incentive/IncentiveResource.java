package cn.opencredit.gateway.incentive;

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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.shared.problem.ProblemDetail;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.security.Scopes;
import cn.opencredit.gateway.shared.web.RequestIdFilter;

/** The 信易+ catalogue and the batch check of one scenario. */
@Path("/api/v1/incentives")
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

    @POST
    @Path("/{code}/checks")
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
