package io.baton.notification;

import java.util.Locale;

public enum Channel {
  EMAIL, WEBHOOK;

  static Channel of(String name) {
    return valueOf(name.trim().toUpperCase(Locale.ROOT));
  }
}
