package io.baton.cases;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ClientRepository extends JpaRepository<Client, Long> {
  Optional<Client> findByEmailIgnoreCase(String email);
}
