package io.baton.secrets;

import io.baton.system.BatonConfigurationException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * At start-up, every encrypted column's values that are not under the current key (written before
 * a key rotation, or before Baton encrypted them at all) are encrypted under it. Each update is
 * conditional on the old value, so that nodes starting together, or a concurrent write, lose nothing.
 */
@Component
class SecretRotation {

  /** Table and column of each secret that {@link EncryptedString} stores, with the table's key column. */
  record EncryptedColumn(String table, String id, String column) {}

  static final List<EncryptedColumn> COLUMNS = List.of(new EncryptedColumn("client", "id", "webhook_secret"));

  private static final Logger log = LoggerFactory.getLogger(SecretRotation.class);

  private final JdbcTemplate jdbc;
  private final SecretBox box;

  SecretRotation(JdbcTemplate jdbc, SecretBox box) {
    this.jdbc = jdbc;
    this.box = box;
  }

  @EventListener(ApplicationReadyEvent.class)
  void onStart() {
    COLUMNS.forEach(this::reencrypt);
  }

  /** Re-encrypts one column's values under the current key; returns how many changed. */
  int reencrypt(EncryptedColumn c) {
    int changed = 0;
    List<Map<String, Object>> rows = jdbc.queryForList("select " + c.id() + " as id, " + c.column()
        + " as stored from " + c.table() + " where " + c.column() + " is not null");
    for (Map<String, Object> row : rows) {
      String stored = (String) row.get("stored");
      if (box.isCurrent(stored)) {
        continue;
      }
      String plain;
      try {
        plain = box.decrypt(stored);
      } catch (IllegalStateException e) {
        throw new BatonConfigurationException(c.table() + "." + c.column() + " of " + c.id() + " " + row.get("id")
            + ": " + e.getMessage() + ".", "Add the key that was BATON_SECRETS_KEY when it was written to "
            + "baton.secrets.previous-keys (BATON_SECRETS_PREVIOUS_KEYS, comma-separated).");
      }
      changed += jdbc.update("update " + c.table() + " set " + c.column() + " = ? where " + c.id() + " = ? and "
          + c.column() + " = ?", box.encrypt(plain), row.get("id"), stored);
    }
    if (changed > 0) {
      log.info("Encrypted {} value(s) of {}.{} under the current secrets key", changed, c.table(), c.column());
    }
    return changed;
  }
}
