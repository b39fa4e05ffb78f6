package io.baton.testing;

import java.util.Comparator;
import org.junit.jupiter.api.MethodDescriptor;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.MethodOrdererContext;

/**
 * Runs a class's tests in reverse order of their names, to show that they do not depend on the
 * order JUnit picks:
 * {@code mvn test -Dtest=SomeTest -Djunit.jupiter.testmethod.order.default=io.baton.testing.ReverseMethodOrder}
 * ({@code org.junit.jupiter.api.MethodOrderer$Random} shuffles them instead).
 */
public class ReverseMethodOrder implements MethodOrderer {

  @Override
  public void orderMethods(MethodOrdererContext context) {
    context.getMethodDescriptors().sort(
        Comparator.comparing((MethodDescriptor method) -> method.getMethod().getName()).reversed());
  }
}
