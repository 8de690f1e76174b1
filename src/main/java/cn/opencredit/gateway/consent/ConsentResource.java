package cn.opencredit.gateway.consent;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
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
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.security.Scopes;
import cn.opencredit.gateway.shared.web.IdempotencyKeys;
import cn.opencredit.gateway.shared.web.Ids;

@Path("/api/v1/consents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "consent", description = "授权: a subject's consent to a bank or app reading its non-public data")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "406", ref = "NotAcceptable")
@APIResponse(responseCode = "429", ref = "RateLimited")
@APIResponse(responseCode = "503", ref = "Unavailable")
public class ConsentResource {

    private final ConsentService consents;
    private final SecurityIdentity caller;

    ConsentResource(ConsentService consents, SecurityIdentity caller) {
        this.consents = consents;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.SELF_READ)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.SELF_READ)
    @Operation(operationId = "grantConsent", summary = "Authorise a bank or an app",
            description = """
                    The subject itself (a consumer bound to its USCC) authorises one consumer: a bank for `loan-application` or \
                    `post-loan-monitoring`, an app for `incentive`; for the categories listed, until `validUntil` (at most \
                    `opencredit.consent.max-period`, a year). The grantee reads under it from now on, and not after it is \
                    revoked or has expired: every read checks the database, so that holds on every replica at once. With an \
                    `Idempotency-Key` the same request again answers the same consent (200, `Idempotent-Replayed: true`). At the                     service window an operator records a consent the subject signed on paper, with that document's number as                     `reference` (required then); the subject's timeline names the operator.""")
    @Parameter(name = IdempotencyKeys.HEADER, in = ParameterIn.HEADER, description = "1 to 200 printable ASCII characters",
            schema = @Schema(type = SchemaType.STRING, maxLength = 200))
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ConsentRequest.class),
            examples = @ExampleObject(name = "loan", value = ConsentExamples.REQUEST)))
    @APIResponse(responseCode = "201", description = "Granted; `Location` is the consent",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(schema = @Schema(implementation = ConsentView.class), examples = @ExampleObject(name = "granted",
                    value = ConsentExamples.GRANTED)))
    @APIResponse(responseCode = "200", description = "The consent an earlier request with this Idempotency-Key made",
            headers = @Header(name = "Idempotent-Replayed", schema = @Schema(type = SchemaType.STRING, enumeration = "true")),
            content = @Content(schema = @Schema(implementation = ConsentView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "SubjectNotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<RestResponse<ConsentView>> grant(@NotNull @Valid ConsentRequest request, @HeaderParam(IdempotencyKeys.HEADER) String key,
            UriInfo uri) {
        return consents.grant(ApiClient.of(caller), request, key).map(granted -> granted.replayed()
                ? RestResponse.ResponseBuilder.ok(granted.consent()).header("Idempotent-Replayed", "true").build()
                : RestResponse.ResponseBuilder.<ConsentView>created(URI.create(uri.getPath() + "/" + granted.consent().id()))
                        .entity(granted.consent()).build());
    }

    @GET
    @RolesAllowed({Scopes.SELF_READ, Scopes.AUTHORISED_READ, Scopes.PUBLIC_READ, Scopes.ADMIN})
    @SecurityRequirement(name = "apiKey", scopes = Scopes.SELF_READ)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.AUTHORISED_READ)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.PUBLIC_READ)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.ADMIN)
    @Operation(operationId = "listConsents", summary = "Consents given or received",
            description = "Newest first: a subject those it gave, a bank or app those it received, an operator any (optionally of one "
                    + "`subject`). Keyset paging: follow `nextCursor`.")
    @APIResponse(responseCode = "200", description = "One page of consents", content = @Content(schema = @Schema(implementation = ConsentPage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "SubjectNotFound")
    public Uni<Page<ConsentView>> list(
            @Parameter(description = "Operators: only this subject's (USCC)") @QueryParam("subject") String subject,
            @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100",
                    defaultValue = "20")) @QueryParam("limit") String limit,
            @Parameter(description = "`nextCursor` of the previous page") @QueryParam("cursor") String cursor) {
        return consents.list(ApiClient.of(caller), subject, limit, cursor);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Scopes.SELF_READ, Scopes.AUTHORISED_READ, Scopes.PUBLIC_READ, Scopes.ADMIN})
    @SecurityRequirement(name = "apiKey", scopes = Scopes.SELF_READ)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.AUTHORISED_READ)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.PUBLIC_READ)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.ADMIN)
    @Operation(operationId = "getConsent", summary = "One consent with its events", description = "For its subject (any consumer bound to its USCC), its grantee and operators.")
    @APIResponse(responseCode = "200", description = "The consent",
            content = @Content(schema = @Schema(implementation = ConsentView.class), examples = @ExampleObject(name = "active",
                    value = ConsentExamples.GRANTED)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<ConsentView> find(@Parameter(example = "77", schema = @Schema(type = SchemaType.STRING, pattern = "^[1-9][0-9]{0,17}$"))
            @PathParam("id") String id) {
        return consents.find(Ids.positive(id, "id"), ApiClient.of(caller));
    }

    @POST
    @Path("/{id}/revocation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Scopes.SELF_READ, Scopes.ADMIN})
    @SecurityRequirement(name = "apiKey", scopes = Scopes.SELF_READ)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.ADMIN)
    @Operation(operationId = "revokeConsent", summary = "Revoke a consent",
            description = "Its subject (or an operator) ends it now; the grantee's next read under it is refused with `consent-revoked` on "
                    + "every replica. Made on the `version` last read.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RevocationRequest.class),
            examples = @ExampleObject(name = "withdrawn", value = ConsentExamples.REVOCATION)))
    @APIResponse(responseCode = "200", description = "Revoked", content = @Content(schema = @Schema(implementation = ConsentView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<ConsentView> revoke(@Parameter(example = "77", schema = @Schema(type = SchemaType.STRING, pattern = "^[1-9][0-9]{0,17}$"))
            @PathParam("id") String id, @NotNull @Valid RevocationRequest request) {
        return consents.revoke(Ids.positive(id, "id"), request, ApiClient.of(caller));
    }

    @Schema(name = "ConsentPage")
    record ConsentPage(@Schema(required = true) List<ConsentView> items,
            @Schema(required = true, nullable = true, description = "Opaque; pass as `cursor` for the next page, null on the last page")
            String nextCursor) {
    }
}
