package io.baton.secrets;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code baton.secrets.*}: {@code key} encrypts secrets at rest (base64 of 32 random bytes, from
 * {@code BATON_SECRETS_KEY}); {@code previous-keys} are keys that were current before, still read
 * so that values they encrypted are re-encrypted under the current key.
 */
@ConfigurationProperties("baton.secrets")
public record SecretSettings(String key, List<String> previousKeys) {
  public SecretSettings {
    key = key == null ? "" : key.trim();
    previousKeys = previousKeys == null ? List.of()
        : previousKeys.stream().map(String::trim).filter(k -> !k.isEmpty()).toList();
  }
}
