package io.baton.secrets;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.springframework.stereotype.Component;

/**
 * A String column kept encrypted at rest by {@link SecretBox}: written under the current key,
 * read under any configured one. Columns that use it are listed in {@link SecretRotation}.
 */
@Component
@Converter
public class EncryptedString implements AttributeConverter<String, String> {

  private final SecretBox box;

  EncryptedString(SecretBox box) {
    this.box = box;
  }

  @Override
  public String convertToDatabaseColumn(String plain) {
    return box.encrypt(plain);
  }

  @Override
  public String convertToEntityAttribute(String stored) {
    return box.decrypt(stored);
  }
}
