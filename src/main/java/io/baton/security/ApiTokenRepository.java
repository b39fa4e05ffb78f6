package io.baton.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

  Optional<ApiToken> findByTokenHash(String tokenHash);

  boolean existsByName(String name);

  List<ApiToken> findAllByOrderByIdAsc();

  /** Records a use, at most once a minute per token, so that a busy integration costs no write per call. */
  @Transactional
  @Modifying
  @Query("update ApiToken t set t.lastUsedAt = ?2 where t.id = ?1 and (t.lastUsedAt is null or t.lastUsedAt < ?3)")
  int used(long id, Instant at, Instant notSince);
}
