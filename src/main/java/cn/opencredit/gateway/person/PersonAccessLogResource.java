package cn.opencredit.gateway.person;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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

import cn.opencredit.gateway.audit.AccessLogView;
import cn.opencredit.gateway.shared.paging.Page;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.security.Scopes;
import cn.opencredit.gateway.shared.web.RequestIdFilter;

/**
 * A natural person's query record (查询记录). Apart from {@link PersonResource} because it takes no
 * body: that resource's operations all consume JSON.
 */
@Path("/api/v1/persons/{personId}/access-log")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "person")
public class PersonAccessLogResource {

    static final String PAGE = """
            {
              "items": [{"id": "918274", "occurredAt": "2026-11-23T10:15:30.123456+08:00", "consumerName": "焦作市人力资源和社会保障局",
                         "consumerType": "department", "operation": "person.lookup", "outcome": 200}],
              "nextCursor": null
            }""";

    private final PersonService persons;
    private final SecurityIdentity caller;

    PersonAccessLogResource(PersonService persons, SecurityIdentity caller) {
        this.persons = persons;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Scopes.ADMIN, Scopes.AUDIT_READ})
    @SecurityRequirement(name = "apiKey", scopes = Scopes.ADMIN)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.AUDIT_READ)
    @Operation(operationId = "getPersonAccessLog", summary = "Who looked this person up",
            description = """
                    Every read about the person through the gateway, newest first: which consumer, when, under which consent and \
                    with what outcome. Persons hold no key, so the 信用办 shows it to the person at its counter or through its \
                    real-name channel (scope admin), and supervisors read it (scope audit:read). Reading it is itself logged in the \
                    person's access log, as person.access-log. 404 for an unknown person, as for a malformed id.""")
    @APIResponse(responseCode = "200", description = "One page of the log", content = @Content(schema = @Schema(ref = "AccessLogPage"),
            examples = @ExampleObject(name = "page", value = PAGE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @APIResponse(responseCode = "429", ref = "RateLimited")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Uni<Page<AccessLogView>> list(
            @Parameter(description = "The person's id, as registering or looking the person up answered", example = "0b6f1c1e-8a0e-4a53-9d43-54a1a3c1d2e4",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 36)) @PathParam("personId") String personId,
            @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100",
                    defaultValue = "20")) @QueryParam("limit") String limit,
            @Parameter(description = "`nextCursor` of the previous page") @QueryParam("cursor") String cursor,
            @HeaderParam(RequestIdFilter.HEADER) String requestId) {
        return persons.accessLog(ApiClient.of(caller), personId, limit, cursor, requestId);
    }
}
