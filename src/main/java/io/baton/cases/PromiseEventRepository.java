package io.baton.cases;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface PromiseEventRepository extends JpaRepository<PromiseEvent, Long> {
  List<PromiseEvent> findByCaseKeyOrderByRecordedAtAscIdAsc(String caseKey);
}
