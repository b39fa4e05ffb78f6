package io.baton.notification;

/** A message in one language: its subject, plain text and HTML. */
public record Rendered(String subject, String text, String html) {}
