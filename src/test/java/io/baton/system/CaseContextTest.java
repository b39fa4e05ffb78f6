package io.baton.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class CaseContextTest {

  @AfterEach
  void clear() {
    MDC.clear();
  }

  @Test
  void setsTheCaseAndItsProcessInstanceAndRestoresWhatWasThereBefore() {
    MDC.put(CaseContext.CASE_KEY, "C-1001");
    try (CaseContext outer = CaseContext.of("C-1002", "pi-2")) {
      assertThat(MDC.get(CaseContext.CASE_KEY)).isEqualTo("C-1002");
      assertThat(MDC.get(CaseContext.PROCESS_INSTANCE_ID)).isEqualTo("pi-2");
      try (CaseContext inner = CaseContext.of("C-1003")) {
        assertThat(MDC.get(CaseContext.CASE_KEY)).isEqualTo("C-1003");
        assertThat(MDC.get(CaseContext.PROCESS_INSTANCE_ID)).as("left as it is").isEqualTo("pi-2");
      }
      assertThat(MDC.get(CaseContext.CASE_KEY)).isEqualTo("C-1002");
    }
    assertThat(MDC.get(CaseContext.CASE_KEY)).isEqualTo("C-1001");
    assertThat(MDC.get(CaseContext.PROCESS_INSTANCE_ID)).isNull();
  }

  @Test
  void aProcessInstanceLearnedInsideAContextGoesWithIt() {
    try (CaseContext scan = CaseContext.of("C-1004")) {
      assertThat(MDC.get(CaseContext.PROCESS_INSTANCE_ID)).isNull();
      CaseContext.processInstance("pi-4");
      assertThat(MDC.get(CaseContext.PROCESS_INSTANCE_ID)).isEqualTo("pi-4");
    }
    assertThat(MDC.get(CaseContext.PROCESS_INSTANCE_ID)).as("restored with the context").isNull();
  }

  @Test
  void whatDoesNotLookLikeAnIdStaysOutOfTheLogs() {
    for (String hostile : new String[] {"C-1\nINFO forged line", "${jndi:ldap://x}", "a b", "x".repeat(65), ""}) {
      try (CaseContext context = CaseContext.of(hostile, hostile)) {
        assertThat(MDC.get(CaseContext.CASE_KEY)).as(hostile).isNull();
        assertThat(MDC.get(CaseContext.PROCESS_INSTANCE_ID)).as(hostile).isNull();
      }
    }
    try (CaseContext none = CaseContext.of(null)) {
      assertThat(MDC.get(CaseContext.CASE_KEY)).isNull();
    }
  }
}
