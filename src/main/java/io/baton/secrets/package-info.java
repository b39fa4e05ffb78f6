/**
 * What Baton keeps from prying eyes and where it may reach out to.
 *
 * <ul>
 *   <li>{@link io.baton.secrets.SecretBox} encrypts secrets at rest (AES-GCM under
 *       {@code BATON_SECRETS_KEY}, older keys in {@code baton.secrets.previous-keys} still read);
 *   <li>{@link io.baton.secrets.EncryptedString} is the JPA converter that stores a column through it,
 *       and {@code SecretRotation} re-encrypts old values under the current key at start-up;
 *   <li>{@link io.baton.secrets.WebhookTargets} decides which webhook URLs and addresses Baton calls:
 *       nothing on loopback, private, link-local, metadata or multicast addresses unless
 *       {@code baton.webhooks.allowed-hosts} names it.
 * </ul>
 */
package io.baton.secrets;
