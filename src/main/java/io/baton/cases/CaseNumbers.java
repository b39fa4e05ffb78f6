package io.baton.cases;

import jakarta.persistence.EntityManager;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.springframework.stereotype.Component;

/** Numbers cases from a database sequence, so that every node of a cluster draws distinct keys. */
@Component
class CaseNumbers {

  static final String SEQUENCE = "service_case_seq";

  private final EntityManager entityManager;
  private final String nextValue;

  CaseNumbers(EntityManager entityManager) {
    this.entityManager = entityManager;
    this.nextValue = entityManager.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class)
        .getJdbcServices().getDialect().getSequenceSupport().getSequenceNextValString(SEQUENCE);
  }

  long next() {
    return ((Number) entityManager.createNativeQuery(nextValue).getSingleResult()).longValue();
  }
}
