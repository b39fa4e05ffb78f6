package io.baton.cases;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The name of a service in {@link ServiceCatalog}. */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = KnownService.Validator.class)
@interface KnownService {
  String message() default "unknown service";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<KnownService, String> {
    private final ServiceCatalog catalog;

    Validator(ServiceCatalog catalog) {
      this.catalog = catalog;
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null || value.isBlank() || catalog.knows(value)) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context.buildConstraintViolationWithTemplate("unknown service '" + escape(value)
          + "'; use one of " + String.join(", ", catalog.names())).addConstraintViolation();
      return false;
    }

    /** The value is the caller's text: it must not be read as a message template. */
    private static String escape(String value) {
      return value.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
    }
  }
}
