package cn.opencredit.gateway.sandbox;

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

import io.smallrye.common.annotation.Blocking;

import cn.opencredit.gateway.shared.security.Scopes;

/** Operators of the sandbox: the daily reset on demand. */
@Path("/api/v1/admin/sandbox")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "sandbox")
@RolesAllowed(Scopes.ADMIN)
@SecurityRequirement(name = "apiKey", scopes = Scopes.ADMIN)
@APIResponse(responseCode = "404", ref = "NotFound")
@APIResponse(responseCode = "429", ref = "RateLimited")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class SandboxAdminResource {

    private final SandboxService sandbox;

    SandboxAdminResource(SandboxService sandbox) {
        this.sandbox = sandbox;
    }

    @POST
    @Path("/reset")
    @Blocking
    @Operation(operationId = "resetSandbox", summary = "Return the sandbox to the seed's state now",
            description = """
                    Sandbox only (the live platform answers 404): what the daily reset does, on demand. The schema is emptied and \
                    migrated, consumers and keys are put back, the synthetic seed loads again and the sandbox's Redis database is \
                    emptied. Takes seconds to a minute; requests meanwhile may fail with 503.""")
    @APIResponse(responseCode = "200", description = "Reset done", content = @Content(schema = @Schema(implementation = SandboxResetView.class),
            examples = @ExampleObject(name = "reset", value = SandboxExamples.RESET)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    public SandboxResetView reset() {
        return sandbox.reset();
    }
}
