package cn.opencredit.gateway.shared.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A request type whose text is checked row by row by its capability (a batch row that breaks a rule
 * is refused alone, with the reason in the batch's report), so that the edge's refusal of control
 * characters in JSON ({@link TextInputModule}) leaves it alone.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CheckedPerRow {
}
