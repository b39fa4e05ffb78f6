package io.baton.secrets;

import io.baton.system.BatonConfigurationException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Encrypts secrets at rest with AES-256-GCM: each value gets a random 12-byte nonce and is stored
 * as {@code aesgcm:<key id>:<base64 of nonce and ciphertext>}. The key id (the first bytes of the
 * key's SHA-256) says which key encrypted a value, so that keys can rotate: values under one of
 * {@code baton.secrets.previous-keys} are still read, and written again under the current key.
 *
 * <p>Outside the demo profile the key must come from {@code BATON_SECRETS_KEY}; the demo profile
 * uses a fixed, public demo key.
 */
@Component
public class SecretBox {

  static final String PREFIX = "aesgcm:";
  /** Public on purpose: the demo profile's secrets protect nothing. */
  static final String DEMO_KEY = "YmF0b24tZGVtby1rZXktbm90LWEtc2VjcmV0LTMyYnk=";

  private static final Logger log = LoggerFactory.getLogger(SecretBox.class);
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final byte[] CONTEXT = "baton secret v1".getBytes(StandardCharsets.US_ASCII);

  private final SecureRandom random = new SecureRandom();
  private final String currentId;
  private final Map<String, SecretKey> keys = new LinkedHashMap<>();

  SecretBox(SecretSettings settings, Environment environment) {
    String key = settings.key();
    if (key.isEmpty()) {
      if (!environment.acceptsProfiles(Profiles.of("demo"))) {
        throw new BatonConfigurationException("No key for secrets at rest is configured.",
            "Set BATON_SECRETS_KEY (baton.secrets.key) to 32 random bytes in base64, for example the output of "
                + "'openssl rand -base64 32', or run the demo profile (spring.profiles.active=demo).");
      }
      log.info("Demo profile: webhook secrets are encrypted with the public demo key; set BATON_SECRETS_KEY outside the demo.");
      key = DEMO_KEY;
    }
    SecretKey current = parse(key, "BATON_SECRETS_KEY (baton.secrets.key)");
    currentId = id(current);
    keys.put(currentId, current);
    for (int i = 0; i < settings.previousKeys().size(); i++) {
      SecretKey previous = parse(settings.previousKeys().get(i), "baton.secrets.previous-keys[" + i + "]");
      keys.putIfAbsent(id(previous), previous);
    }
  }

  /** The value as stored: encrypted under the current key. Null stays null. */
  public String encrypt(String plain) {
    if (plain == null) {
      return null;
    }
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.get(currentId), nonce);
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      byte[] stored = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
      return PREFIX + currentId + ":" + Base64.getEncoder().encodeToString(stored);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /**
   * The plain value of a stored one. A value stored before Baton encrypted secrets (no prefix) is
   * returned as it is, until {@link #isCurrent} makes start-up encrypt it.
   */
  public String decrypt(String stored) {
    if (stored == null || !stored.startsWith(PREFIX)) {
      return stored;
    }
    int colon = stored.indexOf(':', PREFIX.length());
    if (colon < 0) {
      throw new IllegalStateException("A stored secret is damaged: it has no key id");
    }
    String id = stored.substring(PREFIX.length(), colon);
    SecretKey key = keys.get(id);
    if (key == null) {
      throw new IllegalStateException("A stored secret was encrypted with key " + id + ", which is neither "
          + "BATON_SECRETS_KEY nor one of baton.secrets.previous-keys");
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(stored.substring(colon + 1));
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, java.util.Arrays.copyOf(bytes, NONCE_BYTES));
      return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      throw new IllegalStateException("A stored secret under key " + id + " does not decrypt: it was changed", e);
    }
  }

  /** Whether a stored value is encrypted under the current key (null counts as current). */
  public boolean isCurrent(String stored) {
    return stored == null || stored.startsWith(PREFIX + currentId + ":");
  }

  private static Cipher cipher(int mode, SecretKey key, byte[] nonce) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(CONTEXT);
    return cipher;
  }

  private static SecretKey parse(String base64, String setting) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new BatonConfigurationException(setting + " is not base64.",
          "Set it to 32 random bytes in base64, for example the output of 'openssl rand -base64 32'.");
    }
    if (bytes.length != 32) {
      throw new BatonConfigurationException(setting + " is " + bytes.length + " bytes long; AES-256 needs 32.",
          "Set it to 32 random bytes in base64, for example the output of 'openssl rand -base64 32'.");
    }
    return new SecretKeySpec(bytes, "AES");
  }

  private static String id(SecretKey key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
