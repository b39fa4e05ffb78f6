package io.baton.cases;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.stream.Collectors;

/** A code of one of the constants of {@link #value()}, such as {@code bg} for a language. */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = OneOf.Validator.class)
@interface OneOf {
  Class<? extends Coded> value();

  String message() default "must be one of {codes}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<OneOf, String> {
    private Coded[] constants;

    @Override
    public void initialize(OneOf annotation) {
      constants = annotation.value().getEnumConstants();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null || Arrays.stream(constants).anyMatch(c -> c.code().equalsIgnoreCase(value))) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context.buildConstraintViolationWithTemplate("must be one of "
              + Arrays.stream(constants).map(Coded::code).collect(Collectors.joining(", ")))
          .addConstraintViolation();
      return false;
    }
  }
}
