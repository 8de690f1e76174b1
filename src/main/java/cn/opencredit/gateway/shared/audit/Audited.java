package cn.opencredit.gateway.shared.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint that reads or writes one subject's data (named by its {@code uscc} path
 * parameter): every call is written to the access log before the answer leaves.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Audited {

    /** The operation as the subject will read it in its access log, e.g. {@code subject.profile}. */
    String value();
}
