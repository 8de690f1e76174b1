package cn.opencredit.gateway.audit;

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

import cn.opencredit.gateway.shared.paging.Page;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.security.Scopes;
import cn.opencredit.gateway.shared.uscc.Uscc;

@Path("/api/v1/subjects/{uscc}/access-log")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit", description = "查询记录: who looked a subject up")
@RolesAllowed({Scopes.SELF_READ, Scopes.AUDIT_READ})
@SecurityRequirement(name = "apiKey", scopes = Scopes.SELF_READ)
@SecurityRequirement(name = "apiKey", scopes = Scopes.AUDIT_READ)
public class AccessLogResource {

    static final String PAGE = """
            {
              "items": [{"id": "918273", "occurredAt": "2026-11-23T10:15:30.123456+08:00", "consumerName": "中国工商银行滑县支行",
                         "consumerType": "bank", "operation": "subject.profile", "purpose": "loan-application", "outcome": 200}],
              "nextCursor": null
            }""";

    private final AccessLogService accessLog;
    private final SecurityIdentity identity;

    AccessLogResource(AccessLogService accessLog, SecurityIdentity identity) {
        this.accessLog = accessLog;
        this.identity = identity;
    }

    @GET
    @Operation(operationId = "getSubjectAccessLog", summary = "Who looked this subject up",
            description = """
                    Every read of the subject's data through the gateway, newest first: which consumer, when, for which declared \
                    purpose (X-Purpose) and with what outcome. Readable by the consumer bound to the subject (scope self:read) and \
                    by supervisors (scope audit:read); every other consumer gets 403.""")
    @APIResponse(responseCode = "200", description = "One page of the log", content = @Content(schema = @Schema(implementation = AccessLogPage.class),
            examples = @ExampleObject(name = "page", value = PAGE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "429", ref = "RateLimited")
    public Uni<Page<AccessLogView>> list(
            @Parameter(description = "统一社会信用代码", example = "914403001922038216",
                    schema = @Schema(type = SchemaType.STRING, minLength = 18, maxLength = 64)) @PathParam("uscc") Uscc uscc,
            @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100",
                    defaultValue = "20")) @QueryParam("limit") String limit,
            @Parameter(description = "`nextCursor` of the previous page") @QueryParam("cursor") String cursor) {
        return accessLog.accessLog(ApiClient.of(identity), uscc, limit, cursor);
    }

    /** Names the page type in the OpenAPI document, where a generic {@link Page} has no name of its own. */
    @Schema(name = "AccessLogPage")
    record AccessLogPage(@Schema(required = true) java.util.List<AccessLogView> items,
            @Schema(required = true, nullable = true, description = "Opaque; pass as `cursor` for the next page, null on the last page")
            String nextCursor) {
    }
}
