package io.baton.sla;

import io.baton.cases.CaseAccess;
import io.baton.system.ConflictException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.function.Supplier;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Waiting for the client", description = "Pause a stage's SLA while the client owes input")
class ClientWaitController {

  record WaitRequest(@NotBlank @Size(max = 1000) String request) {}

  private final ClientWaits waits;
  private final CaseAccess access;

  ClientWaitController(ClientWaits waits, CaseAccess access) {
    this.waits = waits;
    this.access = access;
  }

  @PostMapping("/api/cases/{key}/waiting-for-client")
  @Operation(summary = "The case's stage waits for the client: its SLA clock stops and the client is asked")
  ClientWaits.Waiting waitFor(@PathVariable String key, @Valid @RequestBody WaitRequest body) {
    access.readable(key);
    return settled(key, () -> waits.waitFor(key, body.request().strip()));
  }

  @PostMapping("/api/cases/{key}/client-input")
  @Operation(summary = "The client's input arrived (their reply, or an integration): the SLA clock runs again")
  ClientWaits.Resumed inputReceived(@PathVariable String key) {
    access.readable(key);
    return settled(key, () -> waits.inputReceived(key));
  }

  /** A change that met another one on the same case at the same moment is a 409 to try again, never a 500. */
  private static <T> T settled(String key, Supplier<T> change) {
    try {
      return change.get();
    } catch (ConcurrencyFailureException e) {
      throw new ConflictException("Case " + key + " was changed at the same moment by another request; "
          + "look at it again and retry.");
    }
  }
}
