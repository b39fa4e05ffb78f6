package io.baton.cases;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ClientChangeRepository extends JpaRepository<ClientChange, Long> {
  List<ClientChange> findByClientIdOrderByChangedAtAscIdAsc(Long clientId);
}
