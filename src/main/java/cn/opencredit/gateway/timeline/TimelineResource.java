package cn.opencredit.gateway.timeline;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.shared.audit.Audited;
import cn.opencredit.gateway.shared.paging.Page;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.security.Scopes;
import cn.opencredit.gateway.shared.uscc.Uscc;

@Path("/api/v1/subjects/{uscc}/timeline")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "timeline", description = "A subject's workflows in one timeline: registrations, commitments, repairs, objections")
@RolesAllowed({Scopes.SELF_READ, Scopes.ADMIN})
@SecurityRequirement(name = "apiKey", scopes = Scopes.SELF_READ)
@SecurityRequirement(name = "apiKey", scopes = Scopes.ADMIN)
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "RateLimited")
public class TimelineResource {

    static final String EXAMPLE = """
            {"items": [
              {"id": "9002", "workflow": "objection", "caseId": "412", "transition": "decided", "from": "filed", "to": "upheld",
               "actor": "department", "actorUscc": "11659001MB0000019Q", "reason": "经核实，处罚决定书所载事实无误",
               "occurredAt": "2026-12-04T10:15:30+08:00"},
              {"id": "9001", "workflow": "objection", "caseId": "412", "transition": "filed", "to": "filed", "actor": "subject",
               "actorUscc": "91659001MA00000152", "reason": "处罚决定已被行政复议撤销", "occurredAt": "2026-11-27T09:02:11+08:00"}],
             "nextCursor": null}""";

    private final TimelineService timeline;
    private final SecurityIdentity caller;

    TimelineResource(TimelineService timeline, SecurityIdentity caller) {
        this.timeline = timeline;
        this.caller = caller;
    }

    @GET
    @Audited("subject.timeline")
    @Operation(operationId = "listSubjectTimeline", summary = "Every workflow event of a subject",
            description = """
                    Each transition of the subject's voluntary registrations, credit commitments, repair applications and \
                    objections, newest first: what happened, from which state to which, who acted (the subject, a department, an \
                    operator, or the platform when a deadline passed) and why. For the subject itself (a consumer bound to its \
                    USCC) and operators. Keyset paging: follow `nextCursor`.""")
    @APIResponse(responseCode = "200", description = "One page of events",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TimelinePage.class),
                    examples = @ExampleObject(name = "objection", value = EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "SubjectNotFound")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Uni<Page<TimelineView>> timeline(
            @Parameter(description = "统一社会信用代码", example = "914403001922038216",
                    schema = @Schema(type = SchemaType.STRING, minLength = 18, maxLength = 64)) @PathParam("uscc") Uscc uscc,
            @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100",
                    defaultValue = "20")) @QueryParam("limit") String limit,
            @Parameter(description = "`nextCursor` of the previous page") @QueryParam("cursor") String cursor) {
        return timeline.timeline(uscc, ApiClient.of(caller), limit, cursor);
    }

    @Schema(name = "TimelinePage")
    record TimelinePage(@Schema(required = true) List<TimelineView> items,
            @Schema(required = true, nullable = true, description = "Opaque; pass as `cursor` for the next page, null on the last page")
            String nextCursor) {
    }
}
