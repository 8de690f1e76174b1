package cn.opencredit.gateway.creditlist;

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

import cn.opencredit.gateway.shared.audit.AuditedBulk;
import cn.opencredit.gateway.shared.paging.Page;
import cn.opencredit.gateway.shared.problem.ProblemDetail;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.security.Scopes;
import cn.opencredit.gateway.shared.web.Ids;

@Path("/api/v1/lists/{type}/entries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "creditlist", description = "红黑名单: red, black, watch, abnormal-operation and dishonest-debtor lists")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "406", ref = "NotAcceptable")
@APIResponse(responseCode = "429", ref = "RateLimited")
@APIResponse(responseCode = "503", ref = "Unavailable")
public class CreditListResource {

    private final ListEntryService entries;
    private final CreditListService lists;
    private final SecurityIdentity identity;

    CreditListResource(ListEntryService entries, CreditListService lists, SecurityIdentity identity) {
        this.entries = entries;
        this.lists = lists;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.LISTS_WRITE)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.LISTS_WRITE)
    @Operation(operationId = "includeListEntry", summary = "Put a subject on a list", description = """
            A department (bound to its USCC, which it names as `authorityUscc`) or an operator (for any government body, `11…`) \
            includes a registered subject. `includedAt` defaults to now, at most a minute ahead; `expiresAt` follows it. A black-list \
            entry of an enterprise, individual business or cooperative links its legal representative (责任追究): the one given, else \
            the registered one, else it is refused. One authority keeps one unended entry per list and subject: a second is a 409.""")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "black", value = CreditListExamples.INCLUSION)))
    @APIResponse(responseCode = "201", description = "Included; `Location` names the entry",
            content = @Content(schema = @Schema(implementation = ListEntryView.class),
                    examples = @ExampleObject(name = "entry", value = CreditListExamples.ENTRY)))
    @APIResponse(responseCode = "400", description = "Unknown list type, malformed body, invalid USCC or a broken rule; `errors` names each",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class), examples = {
                    @ExampleObject(name = "type", value = CreditListExamples.INVALID_TYPE),
                    @ExampleObject(name = "expiry", value = CreditListExamples.VALIDATION_FAILED)}))
    @APIResponse(responseCode = "404", description = "No subject is registered under subjectUscc",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "subject", value = CreditListExamples.SUBJECT_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "The authority has this subject on this list already",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "duplicate", value = CreditListExamples.DUPLICATE)))
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Uni<RestResponse<ListEntryView>> include(@Parameter(schema = @Schema(implementation = ListType.class)) @PathParam("type") String type,
            @NotNull @Valid ListEntryRequest body, UriInfo uri) {
        ListType list = ListEntryQuery.parseType(type);
        return entries.include(list, body, ApiClient.of(identity)).map(view -> RestResponse.ResponseBuilder.<ListEntryView>created(
                uri.getBaseUriBuilder().path("api/v1/lists").path(list.code()).path("entries").path(view.id()).build()).entity(view).build());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/removal")
    @RolesAllowed(Scopes.LISTS_WRITE)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.LISTS_WRITE)
    @Operation(operationId = "removeListEntry", summary = "Take a subject off a list", description = """
            Records the removal with its reason and a note, once (again: 409), by the authority that included the entry or an \
            operator. The entry stays, with its removal, in the subject's list history.""")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "repaired", value = CreditListExamples.REMOVAL)))
    @APIResponse(responseCode = "200", description = "The removed entry",
            content = @Content(schema = @Schema(implementation = ListEntryView.class),
                    examples = @ExampleObject(name = "removed", value = CreditListExamples.REMOVED_ENTRY)))
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "404", description = "No entry with this id on this list",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "entry", value = CreditListExamples.NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "The entry was removed already",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "twice", value = CreditListExamples.REMOVED_ALREADY)))
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Uni<ListEntryView> remove(@Parameter(schema = @Schema(implementation = ListType.class)) @PathParam("type") String type,
            @Parameter(example = "2048") @PathParam("id") String id, @NotNull @Valid RemovalRequest body) {
        return entries.remove(ListEntryQuery.parseType(type), Ids.positive(id, "id"), body, ApiClient.of(identity));
    }

    @GET
    @AuditedBulk("list.entries")
    @RolesAllowed(Scopes.PUBLIC_READ)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.PUBLIC_READ)
    @Operation(operationId = "listListEntries", summary = "Entries of a list", description = """
            Newest inclusion first (ties by id), keyset pages. `active=true`: current memberships (an entry leaves by itself at \
            `expiresAt`); `false`: the others; absent: all. Checked in order: type, region, authority, includedFrom, includedTo, active, limit, cursor.""")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(schema = @Schema(implementation = ListEntryView.Page.class),
                    examples = @ExampleObject(name = "page", value = CreditListExamples.PAGE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Uni<Page<ListEntryView>> list(@Parameter(schema = @Schema(implementation = ListType.class)) @PathParam("type") String type,
            @Parameter(description = "Subject's region: 2, 4 or 6 digits of GB/T 2260", example = "4105") @QueryParam("region") String region,
            @Parameter(description = "USCC of the including authority", example = "11410526MB1C37623U") @QueryParam("authority") String authority,
            @Parameter(description = "First day of inclusion (China time)", example = "2026-01-01") @QueryParam("includedFrom") String from,
            @Parameter(description = "Last day of inclusion (China time), inclusive", example = "2026-12-31") @QueryParam("includedTo") String to,
            @Parameter(description = "true: current; false: removed, expired or not yet in force", schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("active") String active,
            @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100",
                    defaultValue = "20")) @QueryParam("limit") String limit,
            @Parameter(description = "`nextCursor` of the previous page") @QueryParam("cursor") String cursor) {
        return lists.list(ListEntryQuery.parse(type, region, authority, from, to, active), limit, cursor);
    }

    @GET
    @Path("/{id}")
    @AuditedBulk("list.entry")
    @RolesAllowed(Scopes.PUBLIC_READ)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.PUBLIC_READ)
    @Operation(operationId = "getListEntry", summary = "One list entry", description = "Current or not, with its removal if there was one.")
    @APIResponse(responseCode = "200", description = "The entry",
            content = @Content(schema = @Schema(implementation = ListEntryView.class),
                    examples = @ExampleObject(name = "entry", value = CreditListExamples.ENTRY)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<ListEntryView> get(@Parameter(schema = @Schema(implementation = ListType.class)) @PathParam("type") String type,
            @Parameter(example = "2048") @PathParam("id") String id) {
        return lists.entry(ListEntryQuery.parseType(type), Ids.positive(id, "id"));
    }
}
