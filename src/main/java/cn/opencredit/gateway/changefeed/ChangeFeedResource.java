package cn.opencredit.gateway.changefeed;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.shared.audit.AuditedBulk;
import cn.opencredit.gateway.shared.problem.ProblemDetail;
import cn.opencredit.gateway.shared.security.Scopes;

@Path("/api/v1/changes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "changefeed", description = "变更订阅: every change to public subjects, records and list entries, for mirrors")
@RolesAllowed(Scopes.PUBLIC_READ)
@SecurityRequirement(name = "apiKey", scopes = Scopes.PUBLIC_READ)
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "RateLimited")
public class ChangeFeedResource {

    private final ChangeFeedService feed;

    ChangeFeedResource(ChangeFeedService feed) {
        this.feed = feed;
    }

    @GET
    @AuditedBulk("changefeed.read")
    @Operation(operationId = "listChanges", summary = "Changes to public subjects, records and list entries, in commit order",
            description = """
                    Every change a public consumer may see, each at one position, in the order the transactions committed: a \
                    consumer that passes each answer's `nextCursor` as `after` sees every change exactly once, also when writers \
                    commit out of the order they started. Without `after` the feed starts at the beginning, which is a complete \
                    copy. `data` is the row's public view when the page is read; `op` is `unpublished` (and `data` absent) when \
                    the row is not public any more: repaired, revoked or withdrawn records, records whose publication ended, \
                    deleted rows. Records of authorised or government level and everything about natural persons never appear. \
                    Identity numbers are never included. An empty page is answered at once; poll again with the same cursor.""")
    @APIResponse(responseCode = "200", description = "The next changes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChangePage.class),
                    examples = @ExampleObject(name = "page", value = ChangeFeedExamples.PAGE)))
    @APIResponse(responseCode = "400", description = "`after` is not a cursor of the feed, or `limit` is out of range",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "cursor", value = ChangeFeedExamples.INVALID_CURSOR)))
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Uni<ChangePage> changes(
            @Parameter(description = "`nextCursor` (or an item's `position`) of an earlier answer; absent to start at the beginning")
            @QueryParam("after") String after,
            @Parameter(description = "Changes per page, 1 to 1000", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "1000", defaultValue = "100")) @QueryParam("limit") String limit) {
        return feed.changes(after, limit);
    }
}
