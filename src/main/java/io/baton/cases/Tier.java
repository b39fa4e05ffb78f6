package io.baton.cases;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The service level a client bought; SLA targets differ per tier. */
public enum Tier implements Coded {
  BASIC, STANDARD, PREMIUM;

  @Override
  @JsonValue
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Tier of(String code) {
    return Arrays.stream(values())
        .filter(t -> t.name().equalsIgnoreCase(code))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "unknown tier '" + code + "'; use one of " + codes()));
  }

  public static String codes() {
    return Arrays.stream(values()).map(Tier::code).collect(Collectors.joining(", "));
  }
}
