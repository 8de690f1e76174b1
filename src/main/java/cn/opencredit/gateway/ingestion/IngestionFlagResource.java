package cn.opencredit.gateway.ingestion;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.shared.paging.Page;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.security.Scopes;

@Path("/api/v1/admin/ingest/flags")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "ingestion")
@RolesAllowed(Scopes.ADMIN)
@SecurityRequirement(name = "apiKey", scopes = Scopes.ADMIN)
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "RateLimited")
public class IngestionFlagResource {

    private final IngestionFlagService flags;
    private final SecurityIdentity identity;

    IngestionFlagResource(IngestionFlagService flags, SecurityIdentity identity) {
        this.flags = flags;
        this.identity = identity;
    }

    @GET
    @Operation(operationId = "listIngestionFlags", summary = "重错码 flags for review",
            description = """
                    Records that were stored under a valid USCC whose registered name differs from the reported one (name-mismatch), \
                    or whose name is known under other USCCs as well (name-under-several-codes). Newest first, keyset pages.""")
    @APIResponse(responseCode = "200", description = "One page of flags", content = @Content(schema = @Schema(implementation = FlagPage.class),
            examples = @ExampleObject(name = "page", value = IngestionExamples.FLAG_PAGE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Uni<Page<IngestionFlagView>> list(
            @Parameter(description = "Only flags of this kind", schema = @Schema(implementation = IngestionFlagKind.class))
            @QueryParam("kind") String kind,
            @Parameter(description = "true: resolved flags only; false: open flags only", schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("resolved") String resolved,
            @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100",
                    defaultValue = "20")) @QueryParam("limit") String limit,
            @Parameter(description = "`nextCursor` of the previous page") @QueryParam("cursor") String cursor) {
        return flags.list(kind, resolved, limit, cursor);
    }

    @POST
    @Path("/{id}/resolution")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "resolveIngestionFlag", summary = "Close a flag after review",
            description = "Records who closed the flag, when and with what finding. The record itself is corrected by its department.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "resolution", value = IngestionExamples.RESOLUTION)))
    @APIResponse(responseCode = "200", description = "The resolved flag", content = @Content(schema = @Schema(implementation = IngestionFlagView.class),
            examples = @ExampleObject(name = "resolved", value = IngestionExamples.RESOLVED_FLAG)))
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Uni<IngestionFlagView> resolve(@Parameter(description = "The flag's id", example = "42") @PathParam("id") String id,
            @NotNull @Valid FlagResolutionRequest body) {
        return flags.resolve(ApiClient.of(identity), id, body);
    }

    /** Names the page type in the OpenAPI document, where a generic {@link Page} has no name of its own. */
    @Schema(name = "IngestionFlagPage")
    record FlagPage(@Schema(required = true) java.util.List<IngestionFlagView> items,
            @Schema(required = true, nullable = true, description = "Opaque; pass as `cursor` for the next page, null on the last page")
            String nextCursor) {
    }
}
