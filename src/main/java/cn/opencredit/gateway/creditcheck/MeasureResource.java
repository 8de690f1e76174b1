package cn.opencredit.gateway.creditcheck;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.shared.security.Scopes;

@Path("/api/v1/credit-measures")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "creditcheck")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "RateLimited")
public class MeasureResource {

    private final MeasureService measures;

    MeasureResource(MeasureService measures) {
        this.measures = measures;
    }

    @GET
    @RolesAllowed(Scopes.PUBLIC_READ)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.PUBLIC_READ)
    @Operation(operationId = "listCreditMeasures", summary = "The 联合奖惩 measures catalogue",
            description = "Every measure, ended ones included (see validUntil), by code: what triggers it, where it applies, on which legal basis.")
    @APIResponse(responseCode = "200", description = "The catalogue",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = MeasureView.class),
                    examples = @ExampleObject(name = "catalogue", value = CreditCheckExamples.MEASURES)))
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Uni<List<MeasureView>> list() {
        return measures.measures();
    }
}
