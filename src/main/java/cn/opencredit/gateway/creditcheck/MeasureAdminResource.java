package cn.opencredit.gateway.creditcheck;


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
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.security.Scopes;

@Path("/api/v1/admin/credit-measures")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "creditcheck")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "RateLimited")
public class MeasureAdminResource {

    private final MeasureService measures;
    private final SecurityIdentity caller;

    MeasureAdminResource(MeasureService measures, SecurityIdentity caller) {
        this.measures = measures;
        this.caller = caller;
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.ADMIN)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.ADMIN)
    @Operation(operationId = "storeCreditMeasure", summary = "Create or replace a measure of the catalogue",
            description = """
                    Operators keep the catalogue: a new code creates the measure (201); an existing one is replaced when `version` is \
                    the one read (200), else 409. A measure is ended by setting `validUntil`, never deleted, so that stored checks \
                    and feedback keep naming it. Checks from now on apply the catalogue as stored.""")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = MeasureRequest.class),
            examples = @ExampleObject(name = "measure", value = CreditCheckExamples.MEASURE_REQUEST)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = MeasureView.class),
            examples = @ExampleObject(name = "measure", value = CreditCheckExamples.MEASURE)))
    @APIResponse(responseCode = "200", description = "Replaced", content = @Content(schema = @Schema(implementation = MeasureView.class)))
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Uni<RestResponse<MeasureView>> store(@Parameter(description = "The measure's code", example = "P-DEBTOR-PROCUREMENT",
            schema = @Schema(type = SchemaType.STRING, maxLength = 40)) @PathParam("code") String code, @NotNull @Valid MeasureRequest request) {
        return measures.store(code, request, ApiClient.of(caller)).map(stored -> stored.created()
                ? RestResponse.ResponseBuilder.<MeasureView>create(RestResponse.Status.CREATED).entity(stored.measure()).build()
                : RestResponse.ok(stored.measure()));
    }
}
