package cn.opencredit.gateway.person;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.shared.security.Scopes;

/** Operators' upkeep of persons' protected identities. */
@Path("/api/v1/admin/persons")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "person", description = "自然人: natural persons as credit subjects, their identity numbers protected")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "406", ref = "NotAcceptable")
@APIResponse(responseCode = "429", ref = "RateLimited")
@APIResponse(responseCode = "503", ref = "Unavailable")
public class PersonAdminResource {

    private final PersonService persons;

    PersonAdminResource(PersonService persons) {
        this.persons = persons;
    }

    @POST
    @Path("/re-encryption")
    @RolesAllowed(Scopes.ADMIN)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.ADMIN)
    @Operation(operationId = "reEncryptPersons", summary = "Re-encrypt identity numbers under the current key",
            description = "After a key rotation (a new opencredit.person.identity-key, the old one moved to retired-identity-keys), "
                    + "moves every identity number still under a retired key to the current one. Safe to repeat and to run on two "
                    + "replicas at once.")
    @APIResponse(responseCode = "200", description = "Done", content = @Content(schema = @Schema(implementation = ReEncryptionView.class),
            examples = @ExampleObject(name = "done", value = PersonExamples.RE_ENCRYPTION)))
    public Uni<ReEncryptionView> reEncrypt() {
        return persons.reEncrypt();
    }
}
