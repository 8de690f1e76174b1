package cn.opencredit.gateway.evidence;

import java.net.URI;
import java.util.Base64;
import java.util.HexFormat;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
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
import io.vertx.core.buffer.Buffer;

import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.security.Scopes;
import cn.opencredit.gateway.shared.web.Ids;

@Path("/api/v1/evidence")
@Tag(name = "evidence", description = "Evidence files the parties to registrations, repairs and objections upload")
@RolesAllowed({Scopes.SELF_READ, Scopes.AUTHORISED_READ, Scopes.INGEST_WRITE, Scopes.ADMIN})
@SecurityRequirement(name = "apiKey", scopes = Scopes.SELF_READ)
@SecurityRequirement(name = "apiKey", scopes = Scopes.AUTHORISED_READ)
@SecurityRequirement(name = "apiKey", scopes = Scopes.INGEST_WRITE)
@SecurityRequirement(name = "apiKey", scopes = Scopes.ADMIN)
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "RateLimited")
@APIResponse(responseCode = "503", ref = "Unavailable")
public class EvidenceResource {

    static final String STORED = """
            {"id": "6f0c2a8e-1d4b-4c3a-9e7f-2b5d8c1a0e94", "mediaType": "application/pdf", "sizeBytes": 184320,
             "sha256": "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b", "fileName": "罚款缴纳凭证.pdf",
             "uploadedAt": "2026-12-04T10:15:30+08:00"}""";

    private final EvidenceService evidence;
    private final SecurityIdentity caller;

    EvidenceResource(EvidenceService evidence, SecurityIdentity caller) {
        this.evidence = evidence;
        this.caller = caller;
    }

    @POST
    @Consumes({EvidencePolicies.PDF, EvidencePolicies.JPEG, EvidencePolicies.PNG})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "uploadEvidence", summary = "Upload an evidence file",
            description = """
                    Stores a PDF, JPEG or PNG file (the body, with its type as Content-Type) and answers its id and SHA-256; cite \
                    the id in a registration, repair application or objection. The type is told by the file's content, not its \
                    name: a file whose content is of another type than the one declared is refused (415), as is anything else. At \
                    most `opencredit.evidence.max-size` (5 MB) per file (413). A case cites only files its filer uploaded.""")
    @Parameter(name = "X-File-Name", in = ParameterIn.HEADER, description = "The file's name, percent-encoded UTF-8; at most 200 characters",
            schema = @Schema(type = SchemaType.STRING, maxLength = 1800), example = "%E7%BC%B4%E6%AC%BE%E5%87%AD%E8%AF%81.pdf")
    @RequestBody(required = true, content = {@Content(mediaType = EvidencePolicies.PDF, schema = @Schema(type = SchemaType.STRING,
            format = "binary")), @Content(mediaType = EvidencePolicies.JPEG, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = EvidencePolicies.PNG, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "201", description = "Stored; `Location` is the file",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvidenceView.class),
                    examples = @ExampleObject(name = "stored", value = STORED)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Uni<RestResponse<EvidenceView>> upload(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam("X-File-Name") String fileName, UriInfo uri) {
        return evidence.store(body, contentType, fileName, ApiClient.of(caller)).map(stored -> RestResponse.ResponseBuilder
                .<EvidenceView>created(URI.create(uri.getPath() + "/" + stored.id())).entity(stored).build());
    }

    @GET
    @Path("/{id}")
    @Produces({EvidencePolicies.PDF, EvidencePolicies.JPEG, EvidencePolicies.PNG, MediaType.APPLICATION_JSON})
    @Operation(operationId = "getEvidence", summary = "An evidence file",
            description = "The file as uploaded, with its type and its SHA-256 in `Repr-Digest` (RFC 9530). For who uploaded it, departments "
                    + "(who decide the cases citing it) and operators.")
    @APIResponse(responseCode = "200", description = "The file",
            headers = @Header(name = "Repr-Digest", description = "sha-256=:<base64 of the SHA-256>:", schema = @Schema(type = SchemaType.STRING)),
            content = {@Content(mediaType = EvidencePolicies.PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = EvidencePolicies.JPEG, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = EvidencePolicies.PNG, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    public Uni<RestResponse<Buffer>> file(@Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id) {
        return evidence.content(Ids.uuid(id, "id"), ApiClient.of(caller)).map(file -> RestResponse.ResponseBuilder.ok(Buffer.buffer(file.content()),
                        file.mediaType())
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(file.sha256())) + ":").build());
    }
}
