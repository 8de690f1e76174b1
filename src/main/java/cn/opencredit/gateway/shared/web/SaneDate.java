package cn.opencredit.gateway.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A date in a request body between 1900-01-01 and 2099-12-31, as query dates are
 * ({@link QueryParameters#EARLIEST_DATE}, {@link QueryParameters#LATEST_DATE}): JSON can name dates
 * PostgreSQL cannot store (year 999 999 999), which would otherwise fail the write with a 500.
 */
@Documented
@Constraint(validatedBy = SaneDate.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface SaneDate {

    String message() default "must be a date from 1900-01-01 to 2099-12-31";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<SaneDate, LocalDate> {

        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return value == null || !value.isBefore(QueryParameters.EARLIEST_DATE) && !value.isAfter(QueryParameters.LATEST_DATE);
        }
    }
}
