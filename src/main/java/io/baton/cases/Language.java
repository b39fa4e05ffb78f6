package io.baton.cases;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The languages Baton speaks to clients in, by ISO 639-1 code. */
public enum Language implements Coded {
  EN("en"), BG("bg"), KK("kk"), TR("tr"), FI("fi"), AR("ar");

  private final String code;

  Language(String code) {
    this.code = code;
  }

  @Override
  @JsonValue
  public String code() {
    return code;
  }

  @JsonCreator
  public static Language of(String code) {
    return Arrays.stream(values())
        .filter(l -> l.code.equalsIgnoreCase(code))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "unknown language '" + code + "'; use one of " + codes()));
  }

  public static String codes() {
    return Arrays.stream(values()).map(Language::code).collect(Collectors.joining(", "));
  }
}
