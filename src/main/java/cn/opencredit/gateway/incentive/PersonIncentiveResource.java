package cn.opencredit.gateway.incentive;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.security.Scopes;
import cn.opencredit.gateway.shared.web.RequestIdFilter;

/** What a natural person qualifies for, under the person's consent. */
@Path("/api/v1/persons/{personId}/incentives")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "incentive", description = "信易+: credit-based benefits and who qualifies for them")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "406", ref = "NotAcceptable")
@APIResponse(responseCode = "429", ref = "RateLimited")
@APIResponse(responseCode = "503", ref = "Unavailable")
public class PersonIncentiveResource {

    private final IncentiveService incentives;
    private final SecurityIdentity caller;

    PersonIncentiveResource(IncentiveService incentives, SecurityIdentity caller) {
        this.incentives = incentives;
        this.caller = caller;
    }

    @GET
    @RolesAllowed(Scopes.INCENTIVE_READ)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.INCENTIVE_READ)
    @Operation(operationId = "getPersonIncentives", summary = "What a person qualifies for, and why not the rest",
            description = "As for an enterprise, for a natural person (the identity number masked). An app reads it only while the "
                    + "person's consent to it (purpose incentive) is active; without one the person is not found for that app (404), "
                    + "so that the answer says nothing of the person. Departments and operators read under their scope. Not cached; "
                    + "every answer is in the person's access log before it leaves.")
    @APIResponse(responseCode = "200", description = "The person's eligibility", content = @Content(schema = @Schema(implementation = PersonEligibilityView.class),
            examples = @ExampleObject(name = "person", value = IncentiveExamples.PERSON_ELIGIBILITY)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<PersonEligibilityView> forPerson(@Parameter(example = "0b6f1c1e-8a0e-4a53-9d43-54a1a3c1d2e4",
            schema = @Schema(type = SchemaType.STRING, maxLength = 36)) @PathParam("personId") String personId,
            @HeaderParam(RequestIdFilter.HEADER) String requestId) {
        return incentives.forPerson(personId, ApiClient.of(caller), requestId);
    }
}
