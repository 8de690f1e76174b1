package cn.opencredit.gateway.ingestion;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
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

import cn.opencredit.gateway.shared.problem.ProblemDetail;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.security.Scopes;

@Path("/api/v1/ingest/records")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "ingestion", description = "部门数据归集: departments push credit records in batches, as JSON or as the national 双公示 templates")
@RolesAllowed(Scopes.INGEST_WRITE)
@SecurityRequirement(name = "apiKey", scopes = Scopes.INGEST_WRITE)
public class IngestionResource {

    static final String REPLAYED = "Idempotent-Replayed";

    private final IngestionService ingestion;
    private final SecurityIdentity identity;

    IngestionResource(IngestionService ingestion, SecurityIdentity identity) {
        this.ingestion = ingestion;
        this.identity = identity;
    }

    @POST
    @Operation(operationId = "ingestRecords", summary = "Push a batch of credit records",
            description = """
                    Up to 5 000 records (opencredit.ingestion.max-rows) as JSON, or a 行政许可 / 行政处罚 file in the national template \
                    as CSV (UTF-8 with or without BOM; GB18030/GBK is detected and decoded, and the report says so) or XLSX (first sheet). \
                    Template headers may come in any order; the template is recognised by its decision-number column, or named with \
                    `template`. Amounts in 万元 become exact yuan. Identity numbers are kept only as keyed hashes.

                    Every row is validated on its own: refused rows say why and never block the others; the accepted rows are written \
                    in one transaction. A record is identified by its data source's USCC and `sourceRecordId` (the 决定文书号 in a \
                    template): sending it again updates it (version + 1) or, when nothing changed, leaves it unchanged. Unknown \
                    subjects are created from the row. A department consumer is bound to its USCC and may only send records it is the \
                    data source of (other consumers, and departments not bound, get 403); operators may send any. Names that disagree with the register, or that are known under other \
                    codes (重错码), are stored and flagged for review. Licences and penalties get their 双公示 timeliness: due on the \
                    7th working day after the decision (China's calendar with 调休), the working days taken, and whether late.

                    With an `Idempotency-Key`, the first answer is kept for 24 hours and a retry of the same request gets it again \
                    with `Idempotent-Replayed: true`; the same key with another body is a 409.""")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IngestionRequest.class),
                    examples = @ExampleObject(name = "batch", value = IngestionExamples.JSON_BATCH)),
            @Content(mediaType = BatchReader.CSV, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "penalty", value = IngestionExamples.CSV_PENALTY)),
            @Content(mediaType = BatchReader.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "200", description = "What happened to every row",
            headers = @Header(name = REPLAYED, description = "`true` when this is the stored answer to an earlier request with the same key",
                    schema = @Schema(type = SchemaType.STRING, enumeration = "true")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IngestionReportView.class),
                    examples = @ExampleObject(name = "report", value = IngestionExamples.REPORT)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, unknown fields, no rows, an unreadable file, a file that is not a "
            + "national template or lacks a required column, or an invalid Idempotency-Key",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "missing-column", value = IngestionExamples.NOT_A_TEMPLATE)))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", description = "The Idempotency-Key was used for a different request",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "key-reused", value = IngestionExamples.KEY_REUSED)))
    @APIResponse(responseCode = "413", description = "More rows than a batch may carry, or a body over the size limit",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "too-many-rows", value = IngestionExamples.TOO_MANY_ROWS)))
    @APIResponse(responseCode = "415", description = "Neither JSON, CSV nor XLSX; a CSV file neither UTF-8 nor GB18030; a legacy .xls",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "encoding", value = IngestionExamples.UNREADABLE)))
    @APIResponse(responseCode = "429", ref = "RateLimited")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Uni<RestResponse<String>> ingest(
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Parameter(description = "For CSV and XLSX: the template, when the headers do not make it clear",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"licence", "penalty"})) @QueryParam("template") String template,
            @Parameter(name = IngestionService.IDEMPOTENCY_KEY, description = "1 to 200 printable ASCII characters; a retry with the same "
                    + "key and body gets the first answer", schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 200))
            @HeaderParam(IngestionService.IDEMPOTENCY_KEY) String idempotencyKey,
            byte[] body) {
        return ingestion.ingest(ApiClient.of(identity), contentType, template, idempotencyKey, body).map(answer -> {
            RestResponse.ResponseBuilder<String> response = RestResponse.ResponseBuilder.ok(answer.reportJson(), MediaType.APPLICATION_JSON_TYPE);
            return answer.replayed() ? response.header(REPLAYED, "true").build() : response.build();
        });
    }
}
