package io.baton.notification;

public enum Audience {
  CLIENT, STAFF
}
