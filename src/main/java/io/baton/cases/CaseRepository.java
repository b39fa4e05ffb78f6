package io.baton.cases;

import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

interface CaseRepository extends JpaRepository<Case, Long> {

  @EntityGraph(attributePaths = "client")
  Optional<Case> findByKey(String key);

  @EntityGraph(attributePaths = "client")
  Optional<Case> findByExternalReference(String externalReference);
}
