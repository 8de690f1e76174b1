package cn.opencredit.gateway.sandbox;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** Integrators in the sandbox: consumers and test keys without an operator. */
@Path("/api/v1/sandbox")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "sandbox", description = "The sandbox (sandbox.api.opencredit.cn): test keys, synthetic data, reset daily; 404 on the live platform")
@APIResponse(responseCode = "404", ref = "NotFound")
@APIResponse(responseCode = "429", ref = "RateLimited")
public class SandboxResource {

    private final SandboxService sandbox;

    SandboxResource(SandboxService sandbox) {
        this.sandbox = sandbox;
    }

    @POST
    @Path("/consumers")
    @Consumes(MediaType.APPLICATION_JSON)
    // Every caller, keyless ones included (they carry the anonymous role); resolving the identity
    // still refuses a key that is unknown, revoked or of the other environment, as everywhere.
    @Authenticated
    @SecurityRequirementsSet
    @Operation(operationId = "createSandboxConsumer", summary = "Make yourself a sandbox consumer with a test key",
            description = """
                    Sandbox only, no key needed (the anonymous plan limits how often an address may call): a consumer of any type but \
                    operator, on the `sandbox` plan, with its first `ocg_test_` key, shown this once. Make a bank, a department and a \
                    subject to play the whole 信易贷 cycle. Consumers and keys survive the daily reset; what they wrote does not. \
                    The live platform answers 404.""")
    @RequestBody(content = @Content(examples = {@ExampleObject(name = "bank", value = SandboxExamples.CREATE_BANK),
            @ExampleObject(name = "subject", value = SandboxExamples.CREATE_SUBJECT)}))
    @APIResponse(responseCode = "201", description = "Created; Location names the consumer (operators of the sandbox read it there)",
            content = @Content(schema = @Schema(implementation = SandboxConsumerView.class),
                    examples = @ExampleObject(name = "bank", value = SandboxExamples.CONSUMER)))
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Uni<RestResponse<SandboxConsumerView>> createConsumer(@NotNull @Valid SandboxConsumerRequest body, UriInfo uri) {
        return sandbox.createConsumer(body).map(view -> RestResponse.ResponseBuilder.<SandboxConsumerView>created(
                uri.getBaseUriBuilder().path("api/v1/admin/consumers").path(view.consumer().id().toString()).build()).entity(view).build());
    }
}
