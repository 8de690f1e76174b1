package cn.opencredit.gateway.shared.security;

import java.util.List;

/**
 * What a consumer's key may do, one scope per kind of access. Each endpoint declares the scope it
 * needs with {@code @RolesAllowed}; the OpenAPI document lists it per operation.
 */
public final class Scopes {

    /** Public profiles, search and public records. */
    public static final String PUBLIC_READ = "public:read";
    /** Records and packages a subject has authorised the consumer to see (信易贷 banks, agencies). */
    public static final String AUTHORISED_READ = "authorised:read";
    /** 信易贷: data packages a subject consented to for a loan, featured enterprises, demands and loan outcomes (banks only). */
    public static final String FINANCE_READ = "finance:read";
    /** A subject's own data, such as who looked it up; only for the consumer bound to that subject. */
    public static final String SELF_READ = "self:read";
    /** Department batches of credit records (数据归集). */
    public static final String INGEST_WRITE = "ingest:write";
    /** Red/black and other list entries. */
    public static final String LISTS_WRITE = "lists:write";
    /** 信易+: which benefits a subject qualifies for, and a person's under the person's consent (apps, departments). */
    public static final String INCENTIVE_READ = "incentive:read";
    /** A natural person looked up by identity number (departments in their procedures). */
    public static final String PERSONS_READ = "persons:read";
    /** Any subject's access log (信用办 supervision). */
    public static final String AUDIT_READ = "audit:read";
    /** Consumers, keys and plans. */
    public static final String ADMIN = "admin";

    /** The role the gateway gives a caller without a key; only endpoints that name it serve anonymous callers. */
    public static final String ANONYMOUS = "anonymous";

    public static final List<String> ALL = List.of(PUBLIC_READ, AUTHORISED_READ, FINANCE_READ, SELF_READ, INGEST_WRITE, LISTS_WRITE, AUDIT_READ, ADMIN,
            INCENTIVE_READ, PERSONS_READ);

    private Scopes() {
    }
}
