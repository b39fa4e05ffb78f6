package io.baton.security;

import io.baton.system.BatonClock;
import io.baton.system.ConflictException;
import io.baton.system.InvalidFieldException;
import io.baton.system.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens for integrations: 256 random bits, shown once when an administrator creates them,
 * kept only as a SHA-256 hash, named, revocable and listed with their last use. A token acts as
 * its Camunda user with that user's groups, without a password that wrong guesses could lock.
 */
@Service
class ApiTokens {

  static final String PREFIX = "baton_";
  private static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);

  record Created(ApiToken token, String secret) {}

  private final ApiTokenRepository tokens;
  private final IdentityService identityService;
  private final SecureRandom random = new SecureRandom();

  ApiTokens(ApiTokenRepository tokens, IdentityService identityService) {
    this.tokens = tokens;
    this.identityService = identityService;
  }

  @Transactional
  Created create(String name, String userId, String createdBy) {
    if (tokens.existsByName(name)) {
      throw new ConflictException("A token named '" + name + "' exists already; choose another name, "
          + "or revoke that one first.");
    }
    if (identityService.createUserQuery().userId(userId).count() == 0) {
      throw new InvalidFieldException("user", "no Camunda user '" + userId + "'; create the user in Admin first");
    }
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    ApiToken token = tokens.save(new ApiToken(name, userId, hash(secret), secret.substring(0, PREFIX.length() + 4),
        now(), createdBy));
    return new Created(token, secret);
  }

  List<ApiToken> list() {
    return tokens.findAllByOrderByIdAsc();
  }

  @Transactional
  ApiToken revoke(long id) {
    ApiToken token = tokens.findById(id)
        .orElseThrow(() -> new NotFoundException("No API token with id " + id + "."));
    token.revoke(now());
    return token;
  }

  /** The active token for this secret, with its use recorded; empty for an unknown or revoked one. */
  Optional<ApiToken> authenticate(String secret) {
    if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
      return Optional.empty();
    }
    Optional<ApiToken> token = tokens.findByTokenHash(hash(secret)).filter(ApiToken::isActive);
    token.ifPresent(t -> tokens.used(t.getId(), now(), now().minus(USE_RECORDED_EVERY)));
    return token;
  }

  static String hash(String secret) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  private static Instant now() {
    return BatonClock.now();
  }
}
