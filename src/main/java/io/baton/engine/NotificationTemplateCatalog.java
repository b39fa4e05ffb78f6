package io.baton.engine;

import java.util.Collection;

/** What the model check needs to know of the notification templates in processes/notifications/. */
public interface NotificationTemplateCatalog {
  boolean exists(String template);

  Collection<String> names();
}
