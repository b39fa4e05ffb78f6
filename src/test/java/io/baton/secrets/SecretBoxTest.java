package io.baton.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.system.BatonConfigurationException;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Secrets at rest: AES-GCM with a fresh nonce per value, a key id per value, and key rotation. */
class SecretBoxTest {

  private static final String OLD_KEY = key('o');
  private static final String NEW_KEY = key('n');

  @Test
  void aSecretIsStoredEncryptedAndReadBack() {
    SecretBox box = box(NEW_KEY);

    String stored = box.encrypt("whsec_c2VjcmV0LXNpZ25pbmcta2V5");

    assertThat(stored).startsWith(SecretBox.PREFIX).doesNotContain("whsec_", "c2VjcmV0LXNpZ25pbmcta2V5");
    assertThat(box.decrypt(stored)).isEqualTo("whsec_c2VjcmV0LXNpZ25pbmcta2V5");
    assertThat(box.encrypt("same")).as("a fresh nonce for each value").isNotEqualTo(box.encrypt("same"));
    assertThat(box.encrypt(null)).isNull();
    assertThat(box.decrypt(null)).isNull();
  }

  @Test
  void aChangedCiphertextDoesNotDecrypt() {
    SecretBox box = box(NEW_KEY);
    String stored = box.encrypt("a-webhook-secret-of-some-length");
    char last = stored.charAt(stored.length() - 3);
    String changed = stored.substring(0, stored.length() - 3) + (last == 'A' ? 'B' : 'A') + stored.substring(stored.length() - 2);

    assertThatThrownBy(() -> box.decrypt(changed)).hasMessageContaining("does not decrypt");
  }

  @Test
  void afterARotationOldValuesAreReadAndFlaggedForReEncryption() {
    String underOld = box(OLD_KEY).encrypt("secret-from-before-the-rotation");
    SecretBox rotated = box(NEW_KEY, OLD_KEY);

    assertThat(rotated.isCurrent(underOld)).isFalse();
    assertThat(rotated.decrypt(underOld)).isEqualTo("secret-from-before-the-rotation");
    String again = rotated.encrypt(rotated.decrypt(underOld));
    assertThat(rotated.isCurrent(again)).isTrue();
    assertThat(box(NEW_KEY).decrypt(again)).as("readable without the old key").isEqualTo("secret-from-before-the-rotation");
    assertThatThrownBy(() -> box(NEW_KEY).decrypt(underOld)).hasMessageContaining("baton.secrets.previous-keys");
  }

  @Test
  void aPlainValueFromBeforeEncryptionIsReadAndFlaggedForEncryption() {
    SecretBox box = box(NEW_KEY);

    assertThat(box.decrypt("a-plain-secret-written-by-an-older-baton")).isEqualTo("a-plain-secret-written-by-an-older-baton");
    assertThat(box.isCurrent("a-plain-secret-written-by-an-older-baton")).isFalse();
  }

  @Test
  void outsideTheDemoProfileAKeyIsRequired() {
    assertThatThrownBy(() -> new SecretBox(new SecretSettings("", List.of()), new MockEnvironment()))
        .isInstanceOf(BatonConfigurationException.class).hasMessageContaining("No key for secrets at rest");
    MockEnvironment demo = new MockEnvironment();
    demo.setActiveProfiles("demo");
    SecretBox demoBox = new SecretBox(new SecretSettings("", List.of()), demo);
    assertThat(demoBox.decrypt(demoBox.encrypt("demo"))).isEqualTo("demo");
    assertThatThrownBy(() -> box("bm90LTMyLWJ5dGVz"))
        .isInstanceOf(BatonConfigurationException.class).hasMessageContaining("AES-256 needs 32");
    assertThatThrownBy(() -> box(NEW_KEY, "not base64!"))
        .isInstanceOf(BatonConfigurationException.class).hasMessageContaining("baton.secrets.previous-keys[0]");
  }

  private static SecretBox box(String key, String... previous) {
    return new SecretBox(new SecretSettings(key, List.of(previous)), new MockEnvironment());
  }

  private static String key(char fill) {
    return Base64.getEncoder().encodeToString(String.valueOf(fill).repeat(32).getBytes());
  }
}
