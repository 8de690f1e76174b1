package cn.opencredit.gateway.finance;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

import cn.opencredit.gateway.shared.audit.Audited;
import cn.opencredit.gateway.shared.problem.ProblemDetail;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.security.Scopes;
import cn.opencredit.gateway.shared.uscc.Uscc;
import cn.opencredit.gateway.shared.web.ConditionalResponses;

@Path("/api/v1/finance/subjects")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "finance", description = "信易贷: what enterprises consent to for their loans, pulled by banks")
@RolesAllowed(Scopes.FINANCE_READ)
@SecurityRequirement(name = "apiKey", scopes = Scopes.FINANCE_READ)
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "429", ref = "RateLimited")
public class PackageResource {

    private final PackageService packages;
    private final SecurityIdentity caller;

    PackageResource(PackageService packages, SecurityIdentity caller) {
        this.packages = packages;
        this.caller = caller;
    }

    @GET
    @Path("/{uscc}/package")
    @Audited("finance.package")
    @Operation(operationId = "getFinancePackage", summary = "The data an enterprise consented to for a loan (信易贷), in one answer",
            description = """
                    A bank pulls, in one answer, every section the enterprise's consent to it covers (purpose loan-application or \
                    post-loan-monitoring; the newest active consent that covers the sections asked): the profile as the public sees \
                    it, the evaluation with its score and every contribution, the records of public and authorised level by category, \
                    tax (tax credit grades and monthly payments), social insurance, housing fund and utilities (monthly payments, \
                    newest first, each with a 12-month summary: months reported, months in arrears, amount paid, months paid in a \
                    row), and list memberships with their history. `sections` narrows the answer. The consent is checked against the \
                    database on every pull: a revocation or an expiry refuses the next pull on every replica. Every pull, refused \
                    or not, is in the subject's access log with the consent's id and purpose and the sections that went out; the \
                    answer is cached per subject, consent and sections until the subject's data or the consent changes. Operators \
                    read a package without a consent (supervision); other consumers holding the scope are refused.""")
    @APIResponse(responseCode = "200", description = "The package; `X-Cache` says whether it came from the cache",
            headers = {@Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "X-Cache", schema = @Schema(type = SchemaType.STRING, enumeration = {"HIT", "MISS"}))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PackageView.class),
                    examples = @ExampleObject(name = "loan-application", value = PackageExamples.PACKAGE)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag given in If-None-Match",
            headers = {@Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "X-Cache", schema = @Schema(type = SchemaType.STRING, enumeration = {"HIT", "MISS"}))})
    @APIResponse(responseCode = "400", description = "The USCC is malformed, or a section is unknown; `errors` names it",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "unknown-section", value = PackageExamples.UNKNOWN_SECTION)))
    @APIResponse(responseCode = "403", description = """
            The key lacks finance:read, the caller is no bank (forbidden), or no consent lets the bank read what it asks: none \
            (consent-required), the newest expired (consent-expired) or revoked (consent-revoked), or the active one lacks a \
            section (category-not-consented, each missing section in `errors`)""",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class),
                    examples = {@ExampleObject(name = "consent-required", value = PackageExamples.CONSENT_REQUIRED),
                            @ExampleObject(name = "consent-expired", value = PackageExamples.CONSENT_EXPIRED),
                            @ExampleObject(name = "consent-revoked", value = PackageExamples.CONSENT_REVOKED),
                            @ExampleObject(name = "category-not-consented", value = PackageExamples.CATEGORY_NOT_CONSENTED),
                            @ExampleObject(name = "not-a-bank", value = PackageExamples.NOT_A_BANK)}))
    @APIResponse(responseCode = "404", description = "The USCC is valid but no subject is registered under it",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Uni<RestResponse<byte[]>> pull(
            @Parameter(description = "统一社会信用代码, 18 characters", example = "91659001MA00000152",
                    schema = @Schema(type = SchemaType.STRING, minLength = 18, maxLength = 64)) @PathParam("uscc") Uscc uscc,
            @Parameter(description = "Comma-separated consent categories to include; all the consent covers when absent",
                    example = "profile,evaluation,tax", schema = @Schema(type = SchemaType.STRING, maxLength = 200))
            @QueryParam("sections") String sections,
            @Parameter(description = "An ETag of an earlier answer: 304 if the package has not changed since")
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @Context RoutingContext routing) {
        return packages.pull(uscc, sections, ApiClient.of(caller), routing).map(answer -> ConditionalResponses.of(answer, ifNoneMatch));
    }
}
