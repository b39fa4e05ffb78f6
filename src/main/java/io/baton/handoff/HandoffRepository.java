package io.baton.handoff;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface HandoffRepository extends JpaRepository<Handoff, Long> {

  Optional<Handoff> findByStepKey(String stepKey);

  List<Handoff> findByCaseKeyOrderByRecordedAtDescIdDesc(String caseKey);

  Optional<Handoff> findFirstByCaseKeyOrderByRecordedAtDescIdDesc(String caseKey);

  interface StageCount {
    String getStage();

    long getCount();
  }

  @Query("select h.fromStage as stage, count(h) as count from Handoff h "
      + "where h.kind = io.baton.handoff.HandoffKind.SEND_BACK group by h.fromStage order by h.fromStage")
  List<StageCount> countSendBacksByStage();

  @Query("select h.fromStage as stage, count(h) as count from Handoff h "
      + "where h.kind = io.baton.handoff.HandoffKind.SEND_BACK and h.caseKey = ?1 "
      + "group by h.fromStage order by h.fromStage")
  List<StageCount> countSendBacksByStage(String caseKey);
}
