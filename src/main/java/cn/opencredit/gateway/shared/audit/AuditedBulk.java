package cn.opencredit.gateway.shared.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint that reads across subjects (search, lists, disclosures, the change feed,
 * statistics): every call is written to the operations log before the answer leaves, with its
 * filters and how many items it answered.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AuditedBulk {

    /** The operation as operators will read it, e.g. {@code subject.search}. */
    String value();
}
