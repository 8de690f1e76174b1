package cn.opencredit.gateway.person;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.security.Scopes;
import cn.opencredit.gateway.shared.web.RequestIdFilter;

/**
 * Natural persons. Identity numbers travel only in request bodies, never in a path or query, so
 * that they land in no access log, proxy log or browser history; answers carry them masked.
 */
@Path("/api/v1/persons")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "person", description = "自然人: natural persons as credit subjects, their identity numbers protected")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "406", ref = "NotAcceptable")
@APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
@APIResponse(responseCode = "429", ref = "RateLimited")
@APIResponse(responseCode = "503", ref = "Unavailable")
public class PersonResource {

    private final PersonService persons;
    private final SecurityIdentity caller;

    PersonResource(PersonService persons, SecurityIdentity caller) {
        this.persons = persons;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Scopes.INGEST_WRITE)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.INGEST_WRITE)
    @Operation(operationId = "registerPerson", summary = "Register a natural person, or bring one up to date",
            description = "A department (or operator) registers a person it holds records about: the resident identity card number is "
                    + "hashed (as ingestion does, so a person ingestion recorded is the same subject) and encrypted at rest; the "
                    + "occupational group (沁阳's 14 key groups) becomes a fact eligibility rules can use. 201 for a new person, 200 "
                    + "for one already registered.")
    @RequestBody(content = @Content(schema = @Schema(implementation = PersonRequest.class),
            examples = @ExampleObject(name = "teacher", value = PersonExamples.REQUEST)))
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(schema = @Schema(implementation = PersonView.class),
            examples = @ExampleObject(name = "person", value = PersonExamples.PERSON)))
    @APIResponse(responseCode = "200", description = "Already registered; brought up to date", content = @Content(schema = @Schema(implementation = PersonView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Uni<RestResponse<PersonView>> register(@NotNull @Valid PersonRequest request, @HeaderParam(RequestIdFilter.HEADER) String requestId) {
        return persons.register(ApiClient.of(caller), request, requestId)
                .map(registered -> RestResponse.status(registered.created() ? RestResponse.Status.CREATED : RestResponse.Status.OK, registered.person()));
    }

    @POST
    @Path("/lookup")
    @RolesAllowed(Scopes.PERSONS_READ)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.PERSONS_READ)
    @Operation(operationId = "lookUpPerson", summary = "Find a person by identity number",
            description = "A department finds a person in its procedure by the identity number in the body (never by name, never "
                    + "anonymously). The number is hashed on arrival; the answer carries it masked and is in the person's access log.")
    @RequestBody(content = @Content(schema = @Schema(implementation = PersonLookupRequest.class),
            examples = @ExampleObject(name = "number", value = PersonExamples.LOOKUP)))
    @APIResponse(responseCode = "200", description = "The person", content = @Content(schema = @Schema(implementation = PersonView.class),
            examples = @ExampleObject(name = "person", value = PersonExamples.PERSON)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<PersonView> lookup(@NotNull @Valid PersonLookupRequest request, @HeaderParam(RequestIdFilter.HEADER) String requestId) {
        return persons.lookup(ApiClient.of(caller), request.identityNumber(), requestId);
    }

    @POST
    @Path("/{personId}/consents")
    @RolesAllowed(Scopes.ADMIN)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.ADMIN)
    @Operation(operationId = "recordPersonConsent", summary = "Record a person's consent to an app (信易+)",
            description = "Persons hold no key, so the 信用办 records what a person authorised, at its counter or through its real-name "
                    + "channel: the app may then read the person's eligibility (purpose incentive) until the last day, or until the "
                    + "consent is revoked through /api/v1/consents/{id}/revocation.")
    @RequestBody(content = @Content(schema = @Schema(implementation = PersonConsentRequest.class),
            examples = @ExampleObject(name = "app", value = PersonExamples.CONSENT)))
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = PersonConsentView.class),
            examples = @ExampleObject(name = "recorded", value = PersonExamples.CONSENT_VIEW)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<RestResponse<PersonConsentView>> consent(@Parameter(example = "0b6f1c1e-8a0e-4a53-9d43-54a1a3c1d2e4",
            schema = @Schema(type = SchemaType.STRING, maxLength = 36)) @PathParam("personId") String personId,
            @NotNull @Valid PersonConsentRequest request, @HeaderParam(RequestIdFilter.HEADER) String requestId) {
        return persons.grantConsent(ApiClient.of(caller), personId, request, requestId)
                .map(view -> RestResponse.status(RestResponse.Status.CREATED, view));
    }
}
