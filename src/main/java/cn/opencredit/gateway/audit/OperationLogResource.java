package cn.opencredit.gateway.audit;

import java.util.List;

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

import cn.opencredit.gateway.shared.paging.Page;
import cn.opencredit.gateway.shared.security.Scopes;

@Path("/api/v1/admin/operations-log")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit")
@RolesAllowed({Scopes.AUDIT_READ, Scopes.ADMIN})
@SecurityRequirement(name = "apiKey", scopes = Scopes.AUDIT_READ)
@SecurityRequirement(name = "apiKey", scopes = Scopes.ADMIN)
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "406", ref = "NotAcceptable")
@APIResponse(responseCode = "429", ref = "RateLimited")
@APIResponse(responseCode = "503", ref = "Unavailable")
public class OperationLogResource {

    static final String PAGE = """
            {"items": [{"id": "77120", "occurredAt": "2026-12-04T10:15:30.123456+08:00",
                        "consumerId": "0b6f3c1e-6a53-4f7e-9a55-3c7d2f0c9e11", "consumerName": "中诚信征信有限公司",
                        "consumerType": "credit-agency", "keyId": "5d0e1f2a-3b4c-4d5e-8f60-718293a4b5c6", "operation": "list.entries",
                        "filters": {"type": "black", "region": "4105", "limit": "100"}, "items": 100, "outcome": 200,
                        "requestId": "4f1c2d7e-6b0a-4a8e-9b8e-1f3c5d7e9a0b"}],
             "nextCursor": null}""";

    private final OperationLogService operations;

    OperationLogResource(OperationLogService operations) {
        this.operations = operations;
    }

    @GET
    @Operation(operationId = "listOperations", summary = "Bulk reads by consumers (operations log)",
            description = """
                    One entry per bulk read (search, list entries, disclosures, the change feed, statistics), newest first: the \
                    consumer and key, the operation, the filters as sent, how many items were answered, the outcome and the \
                    request id. Written before each answer left, like the subjects' access logs. For supervisors (audit:read) \
                    and operators.""")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(schema = @Schema(implementation = OperationLogPage.class),
            examples = @ExampleObject(name = "page", value = PAGE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Uni<Page<OperationLogView>> list(
            @Parameter(description = "Only this consumer's reads", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("consumer") String consumer,
            @Parameter(description = "Only this operation", schema = @Schema(type = SchemaType.STRING, maxLength = 100,
                    enumeration = {"subject.search", "list.entries", "list.entry", "disclosure.list", "changefeed.read", "stats.disclosures"}))
            @QueryParam("operation") String operation,
            @Parameter(description = "First day, China Standard Time", schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("from") String from,
            @Parameter(description = "Last day, inclusive", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("to") String to,
            @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100",
                    defaultValue = "20")) @QueryParam("limit") String limit,
            @Parameter(description = "`nextCursor` of the previous page", schema = @Schema(type = SchemaType.STRING, maxLength = 200))
            @QueryParam("cursor") String cursor) {
        return operations.operations(consumer, operation, from, to, limit, cursor);
    }

    /** Names the page type in the OpenAPI document, where a generic {@link Page} has no name of its own. */
    @Schema(name = "OperationLogPage")
    record OperationLogPage(@Schema(required = true) List<OperationLogView> items,
            @Schema(required = true, nullable = true, description = "Opaque; pass as `cursor` for the next page, null on the last page")
            String nextCursor) {
    }
}
