package io.baton.system;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Baton's API reads JSON strictly: a field gets the type it declares or the request is a 400
 * naming it. No number or boolean turns into a string, no string into a number, one request is
 * one JSON object, no field appears twice, and a date is a real calendar date written
 * {@code YYYY-MM-DD} between {@value #FIRST_YEAR} and {@value #LAST_YEAR}. Names, numbers and
 * nesting have limits far above any honest request.
 */
@Configuration
class StrictJson {

  static final int FIRST_YEAR = 2000;
  static final int LAST_YEAR = 2100;
  static final int MAX_NAME_LENGTH = 200;
  static final int MAX_NUMBER_LENGTH = 100;
  static final int MAX_DEPTH = 32;

  @Bean
  Jackson2ObjectMapperBuilderCustomizer strictJsonReading() {
    return builder -> builder
        .featuresToDisable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .featuresToEnable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
            DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
            DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
            DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY,
            JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .modulesToInstall(modules -> modules.add(new SimpleModule("baton-strict-dates")
            .addDeserializer(LocalDate.class, new StrictDate())))
        .postConfigurer(mapper -> {
          mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
              .maxNameLength(MAX_NAME_LENGTH)
              .maxNumberLength(MAX_NUMBER_LENGTH)
              .maxNestingDepth(MAX_DEPTH)
              .build());
          for (LogicalType textual : new LogicalType[] {LogicalType.Textual}) {
            mapper.coercionConfigFor(textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
          }
          mapper.coercionConfigFor(LogicalType.Boolean)
              .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
          for (LogicalType number : new LogicalType[] {LogicalType.Integer, LogicalType.Float}) {
            mapper.coercionConfigFor(number)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
          }
          mapper.coercionConfigDefaults().setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        });
  }

  /** A calendar date, only as {@code YYYY-MM-DD}. */
  static final class StrictDate extends StdScalarDeserializer<LocalDate> {
    private static final Pattern SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter FORMAT =
        DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    StrictDate() {
      super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      if (parser.currentToken() != JsonToken.VALUE_STRING) {
        return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
      }
      String text = parser.getText();
      if (!SHAPE.matcher(text).matches()) {
        throw invalid(parser, text, "write it as YYYY-MM-DD");
      }
      LocalDate date;
      try {
        date = LocalDate.parse(text, FORMAT);
      } catch (DateTimeParseException e) {
        throw invalid(parser, text, "there is no such day in the calendar");
      }
      if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
        throw invalid(parser, text, "the year must be between " + FIRST_YEAR + " and " + LAST_YEAR);
      }
      return date;
    }

    private static InvalidFormatException invalid(JsonParser parser, String text, String reason) {
      return InvalidFormatException.from(parser, reason, text, LocalDate.class);
    }
  }
}
