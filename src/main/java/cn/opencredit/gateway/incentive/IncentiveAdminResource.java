package cn.opencredit.gateway.incentive;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
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

import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.shared.problem.ProblemDetail;
import cn.opencredit.gateway.shared.security.Scopes;

/** Operators keeping the 信易+ catalogue. */
@Path("/api/v1/admin/incentives")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "incentive", description = "信易+: credit-based benefits and who qualifies for them")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "406", ref = "NotAcceptable")
@APIResponse(responseCode = "429", ref = "RateLimited")
@APIResponse(responseCode = "503", ref = "Unavailable")
public class IncentiveAdminResource {

    private static final String CODE_EXAMPLE = "fast-approval";

    private final IncentiveService incentives;

    IncentiveAdminResource(IncentiveService incentives) {
        this.incentives = incentives;
    }

    @PUT
    @Path("/{code}")
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
}
