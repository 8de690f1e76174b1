package cn.opencredit.gateway.access;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

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

import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.shared.paging.Page;
import cn.opencredit.gateway.shared.problem.ProblemDetail;
import cn.opencredit.gateway.shared.security.Scopes;
import cn.opencredit.gateway.shared.web.ApiCode;
import cn.opencredit.gateway.shared.web.Ids;

@Path("/api/v1/admin/consumers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Scopes.ADMIN)
@SecurityRequirement(name = "apiKey", scopes = Scopes.ADMIN)
@Tag(name = "access", description = "API consumers, their keys and plans (operators only, scope admin)")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "RateLimited")
public class ConsumerResource {

    private final ConsumerService consumers;

    ConsumerResource(ConsumerService consumers) {
        this.consumers = consumers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createConsumer", summary = "Register a consumer",
            description = "Creates a bank, agency, app, department, subject or operator consumer. Keys are issued separately.")
    @RequestBody(content = @Content(examples = {@ExampleObject(name = "bank", value = AccessExamples.CREATE_BANK),
            @ExampleObject(name = "subject", value = AccessExamples.CREATE_SUBJECT)}))
    @APIResponse(responseCode = "201", description = "Created; Location names the consumer",
            content = @Content(schema = @Schema(implementation = ConsumerView.class), examples = @ExampleObject(name = "bank", value = AccessExamples.CONSUMER)))
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Uni<RestResponse<ConsumerView>> create(@NotNull @Valid ConsumerRequest body, UriInfo uri) {
        return consumers.create(body).map(view -> RestResponse.ResponseBuilder.<ConsumerView>created(locationOf(uri, view.id())).entity(view).build());
    }

    @GET
    @Operation(operationId = "listConsumers", summary = "List consumers", description = "In creation order, keyset pages, optionally of one type.")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(schema = @Schema(implementation = ConsumerPage.class),
            examples = @ExampleObject(name = "page", value = AccessExamples.PAGE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Uni<Page<ConsumerView>> list(
            @Parameter(description = "Only consumers of this type", schema = @Schema(implementation = ConsumerType.class)) @QueryParam("type") String type,
            @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100",
                    defaultValue = "20")) @QueryParam("limit") String limit,
            @Parameter(description = "`nextCursor` of the previous page") @QueryParam("cursor") String cursor) {
        Optional<ConsumerType> wanted = Optional.ofNullable(type).filter(t -> !t.isBlank()).map(t -> ApiCode.parse(ConsumerType.class, t, "type"));
        return consumers.list(wanted, limit, cursor);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getConsumer", summary = "A consumer with its keys", description = "Keys are listed by prefix; secrets are never shown again.")
    @APIResponse(responseCode = "200", description = "The consumer",
            content = @Content(schema = @Schema(implementation = ConsumerView.class), examples = @ExampleObject(name = "bank", value = AccessExamples.CONSUMER)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<ConsumerView> get(@PathParam("id") String id) {
        return consumers.get(Ids.uuid(id, "id"));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(operationId = "updateConsumer", summary = "Change a consumer's plan, scopes or status",
            description = "Absent fields stay unchanged. Suspension and scope changes reach every replica within a second.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "suspend", value = AccessExamples.PATCH)))
    @APIResponse(responseCode = "200", description = "The updated consumer", content = @Content(schema = @Schema(implementation = ConsumerView.class)))
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Uni<ConsumerView> update(@PathParam("id") String id, @NotNull @Valid ConsumerPatchRequest body) {
        return consumers.update(Ids.uuid(id, "id"), body);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/keys")
    @Operation(operationId = "issueKey", summary = "Issue a new key",
            description = "Returns the secret once. A consumer may hold several usable keys, so a bank can rotate without downtime.")
    @RequestBody(required = false, content = @Content(examples = @ExampleObject(name = "expiring", value = AccessExamples.KEY_REQUEST)))
    @APIResponse(responseCode = "201", description = "The new key with its secret; Location names the consumer, where the key is listed by prefix",
            content = @Content(schema = @Schema(implementation = IssuedKeyView.class), examples = @ExampleObject(name = "key", value = AccessExamples.ISSUED_KEY)))
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Uni<RestResponse<IssuedKeyView>> issueKey(@PathParam("id") String id, @Valid KeyRequest body, UriInfo uri) {
        return consumers.issueKey(Ids.uuid(id, "id"), body)
                .map(key -> RestResponse.ResponseBuilder.<IssuedKeyView>created(locationOf(uri, id)).entity(key).build());
    }

    @DELETE
    @Path("/{id}/keys/{keyId}")
    // No body when it succeeds: a client asking only for the problem it may get (generated clients do) is answered, not refused 406.
    @Produces({MediaType.APPLICATION_JSON, ProblemDetail.MEDIA_TYPE})
    @Operation(operationId = "revokeKey", summary = "Revoke a key",
            description = "The key stops working on every replica within a second. Revoking a revoked key changes nothing.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Void> revokeKey(@PathParam("id") String id, @PathParam("keyId") String keyId) {
        return consumers.revokeKey(Ids.uuid(id, "id"), Ids.uuid(keyId, "keyId"));
    }

    /** Names the page type in the OpenAPI document, where a generic {@link Page} has no name of its own. */
    @Schema(name = "ConsumerPage")
    record ConsumerPage(@Schema(required = true) java.util.List<ConsumerView> items,
            @Schema(required = true, nullable = true, description = "Opaque; pass as `cursor` for the next page, null on the last page")
            String nextCursor) {
    }

    private static URI locationOf(UriInfo uri, UUID id) {
        return uri.getBaseUriBuilder().path("api/v1/admin/consumers").path(id.toString()).build();
    }

    private static URI locationOf(UriInfo uri, String id) {
        return locationOf(uri, Ids.uuid(id, "id"));
    }
}
