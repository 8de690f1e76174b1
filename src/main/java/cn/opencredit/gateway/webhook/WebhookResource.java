package cn.opencredit.gateway.webhook;

import java.net.URI;
import java.util.List;

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

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.shared.paging.Page;
import cn.opencredit.gateway.shared.problem.ProblemDetail;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.security.Scopes;
import cn.opencredit.gateway.shared.web.Ids;

@Path("/api/v1/webhook-endpoints")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Scopes.FINANCE_READ)
@SecurityRequirement(name = "apiKey", scopes = Scopes.FINANCE_READ)
@Tag(name = "webhook", description = "贷后监测: signed webhooks (Standard Webhooks) about the subjects a bank watches under consent")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "406", ref = "NotAcceptable")
@APIResponse(responseCode = "429", ref = "RateLimited")
@APIResponse(responseCode = "503", ref = "Unavailable")
public class WebhookResource {

    private static final String ID_PATTERN = "^[1-9][0-9]{0,17}$";

    private final WebhookService endpoints;
    private final DeliveryLogService deliveries;
    private final SecurityIdentity caller;

    WebhookResource(WebhookService endpoints, DeliveryLogService deliveries, SecurityIdentity caller) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhookEndpoint", summary = "Register a webhook endpoint",
            description = """
                    The caller receives, at this HTTPS URL, the events it names about every subject for which it holds an active \
                    `post-loan-monitoring` consent covering what the event shows. The URL must resolve to public addresses only \
                    (no loopback, private, shared, link-local, metadata or reserved range; checked again at each delivery): a \
                    refused target is a 400 whose `errors[].code` names the range. The answer carries the signing `secret`, \
                    this once.""")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = EndpointRequest.class),
            examples = @ExampleObject(name = "monitoring", value = WebhookExamples.REQUEST)))
    @APIResponse(responseCode = "201", description = "Registered; `Location` is the endpoint; the secret is not shown again",
            content = @Content(schema = @Schema(implementation = EndpointView.class), examples = @ExampleObject(name = "created",
                    value = WebhookExamples.CREATED)))
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<RestResponse<EndpointView>> create(@NotNull @Valid EndpointRequest request, UriInfo uri) {
        return endpoints.register(ApiClient.of(caller), request).map(created -> RestResponse.ResponseBuilder
                .<EndpointView>created(URI.create(uri.getPath() + "/" + created.id())).entity(created).build());
    }

    @GET
    @Operation(operationId = "listWebhookEndpoints", summary = "The caller's webhook endpoints",
            description = "Newest first, without secrets. Keyset paging: follow `nextCursor`.")
    @APIResponse(responseCode = "200", description = "One page of endpoints",
            content = @Content(schema = @Schema(implementation = EndpointPage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Uni<Page<EndpointView>> list(
            @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100",
                    defaultValue = "20")) @QueryParam("limit") String limit,
            @Parameter(description = "`nextCursor` of the previous page") @QueryParam("cursor") String cursor) {
        return endpoints.list(ApiClient.of(caller), limit, cursor);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWebhookEndpoint", summary = "One of the caller's webhook endpoints",
            description = "Without its secret. Another consumer's endpoint is a 404, like one that does not exist.")
    @APIResponse(responseCode = "200", description = "The endpoint", content = @Content(schema = @Schema(implementation = EndpointView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<EndpointView> find(@Parameter(example = "12", schema = @Schema(type = SchemaType.STRING, pattern = ID_PATTERN))
            @PathParam("id") String id) {
        return endpoints.find(ApiClient.of(caller), Ids.positive(id, "id"));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(operationId = "updateWebhookEndpoint", summary = "Change, disable or enable a webhook endpoint",
            description = """
                    Absent fields stay unchanged; made on the `version` last read. A new URL passes the same checks as at \
                    registration. `disabled` stops new deliveries; `enabled` on a failing endpoint sends its waiting deliveries \
                    again, each with a new retry window.""")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = EndpointPatchRequest.class),
            examples = @ExampleObject(name = "re-enable", value = WebhookExamples.PATCH)))
    @APIResponse(responseCode = "200", description = "The endpoint as changed", content = @Content(schema = @Schema(implementation = EndpointView.class)))
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<EndpointView> update(@Parameter(example = "12", schema = @Schema(type = SchemaType.STRING, pattern = ID_PATTERN))
            @PathParam("id") String id, @NotNull @Valid EndpointPatchRequest patch) {
        return endpoints.update(ApiClient.of(caller), Ids.positive(id, "id"), patch);
    }

    @DELETE
    @Path("/{id}")
    // No body when it succeeds: a client asking only for the problem it may get (generated clients do) is answered, not refused 406.
    @Produces({MediaType.APPLICATION_JSON, ProblemDetail.MEDIA_TYPE})
    @Operation(operationId = "deleteWebhookEndpoint", summary = "Delete a webhook endpoint",
            description = "With its deliveries and their log; nothing more is sent to it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Void> delete(@Parameter(example = "12", schema = @Schema(type = SchemaType.STRING, pattern = ID_PATTERN))
            @PathParam("id") String id) {
        return endpoints.delete(ApiClient.of(caller), Ids.positive(id, "id"));
    }

    @POST
    @Path("/{id}/rotate-secret")
    @Operation(operationId = "rotateWebhookSecret", summary = "Rotate the signing secret",
            description = """
                    A new secret, shown this once. Until `previousSecretValidUntil` (`opencredit.webhook.rotation-overlap`, \
                    24 hours) each message carries two signatures, under the new and the previous secret, so the receiver \
                    can switch without losing an event.""")
    @APIResponse(responseCode = "200", description = "The new secret", content = @Content(schema = @Schema(implementation = SecretView.class),
            examples = @ExampleObject(name = "rotated", value = WebhookExamples.ROTATED)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<SecretView> rotateSecret(@Parameter(example = "12", schema = @Schema(type = SchemaType.STRING, pattern = ID_PATTERN))
            @PathParam("id") String id) {
        return endpoints.rotateSecret(ApiClient.of(caller), Ids.positive(id, "id"));
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "The endpoint's delivery log",
            description = "Its deliveries, newest first, each with every attempt (status code, latency, error) and when the next is due.")
    @APIResponse(responseCode = "200", description = "One page of deliveries",
            content = @Content(schema = @Schema(implementation = DeliveryPage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Page<DeliveryView>> deliveries(@Parameter(example = "12", schema = @Schema(type = SchemaType.STRING, pattern = ID_PATTERN))
            @PathParam("id") String id,
            @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100",
                    defaultValue = "20")) @QueryParam("limit") String limit,
            @Parameter(description = "`nextCursor` of the previous page") @QueryParam("cursor") String cursor) {
        return deliveries.list(ApiClient.of(caller), Ids.positive(id, "id"), limit, cursor);
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/redeliver")
    @Operation(operationId = "redeliverWebhook", summary = "Send an event again",
            description = """
                    Queues the delivery again, due now, with a new retry window, under the same `webhook-id`, whatever its state. \
                    The endpoint must be enabled (409 otherwise).""")
    @APIResponse(responseCode = "200", description = "The delivery, queued", content = @Content(schema = @Schema(implementation = DeliveryView.class),
            examples = @ExampleObject(name = "delivered", value = WebhookExamples.DELIVERY)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<DeliveryView> redeliver(@Parameter(example = "12", schema = @Schema(type = SchemaType.STRING, pattern = ID_PATTERN))
            @PathParam("id") String id,
            @Parameter(example = "301", schema = @Schema(type = SchemaType.STRING, pattern = ID_PATTERN)) @PathParam("deliveryId") String deliveryId) {
        return deliveries.redeliver(ApiClient.of(caller), Ids.positive(id, "id"), Ids.positive(deliveryId, "deliveryId"));
    }

    @Schema(name = "WebhookEndpointPage")
    record EndpointPage(@Schema(required = true) List<EndpointView> items,
            @Schema(required = true, nullable = true, description = "Opaque; pass as `cursor` for the next page, null on the last page")
            String nextCursor) {
    }

    @Schema(name = "WebhookDeliveryPage")
    record DeliveryPage(@Schema(required = true) List<DeliveryView> items,
            @Schema(required = true, nullable = true, description = "Opaque; pass as `cursor` for the next page, null on the last page")
            String nextCursor) {
    }
}
