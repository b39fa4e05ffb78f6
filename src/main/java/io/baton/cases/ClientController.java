package io.baton.cases;

import io.baton.secrets.RefusedWebhookTarget;
import io.baton.secrets.WebhookTargets;
import io.baton.security.Caller;
import io.baton.system.BatonClock;
import io.baton.system.InvalidFieldException;
import io.baton.system.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A client's details and channels, for the staff who work with clients. Each change is recorded
 * with who made it; a webhook secret is never shown, nor its value recorded.
 */
@RestController
@RequestMapping("/api/clients")
@Tag(name = "Clients", description = "A client's details and how they are told (client-facing staff)")
class ClientController {

  record ClientUpdate(
      @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
      @OneOf(Language.class) String language,
      @ValidTimeZone String timeZone,
      Boolean emailNotifications,
      @Schema(description = "The client's webhook endpoint; an empty string removes the webhook")
      @Size(max = 2000) String webhookUrl,
      @Size(min = 24, max = 200) String webhookSecret) {

    @AssertTrue(message = "a new webhookUrl needs its webhookSecret; an empty webhookUrl removes the webhook")
    boolean isWebhookComplete() {
      return webhookUrl == null || webhookUrl.isEmpty() || webhookSecret != null;
    }
  }

  record Change(String field, String from, String to, String by, Instant at) {}

  record ClientDetailsView(long id, String name, String email, Language language, String timeZone,
      boolean emailNotifications, String webhookUrl, boolean webhookSecretSet, List<Change> changes) {}

  private final ClientRepository clients;
  private final ClientChangeRepository changes;
  private final WebhookTargets webhookTargets;

  ClientController(ClientRepository clients, ClientChangeRepository changes, WebhookTargets webhookTargets) {
    this.clients = clients;
    this.changes = changes;
    this.webhookTargets = webhookTargets;
  }

  @GetMapping("/{id}")
  @Operation(summary = "A client's details, channels and the history of their changes")
  @Transactional(readOnly = true)
  ClientDetailsView get(@PathVariable long id) {
    return view(client(id));
  }

  @PatchMapping("/{id}")
  @Operation(summary = "Change a client's name, language, time zone or channels; fields left out stay")
  @Transactional
  ClientDetailsView update(@PathVariable long id, @Valid @RequestBody ClientUpdate update) {
    Client client = client(id);
    String by = Caller.current().id();
    Instant at = BatonClock.now();
    List<ClientChange> made = new ArrayList<>();
    if (update.name() != null && !update.name().trim().equals(client.getName())) {
      made.add(new ClientChange(id, at, by, "name", client.getName(), update.name().trim()));
    }
    if (update.language() != null && Language.of(update.language()) != client.getLanguage()) {
      made.add(new ClientChange(id, at, by, "language", client.getLanguage().code(), Language.of(update.language()).code()));
    }
    if (update.timeZone() != null && !ZoneId.of(update.timeZone()).equals(client.getTimeZone())) {
      made.add(new ClientChange(id, at, by, "timeZone", client.getTimeZone().getId(), update.timeZone()));
    }
    boolean email = update.emailNotifications() == null ? client.isEmailEnabled() : update.emailNotifications();
    if (email != client.isEmailEnabled()) {
      made.add(new ClientChange(id, at, by, "emailNotifications", String.valueOf(client.isEmailEnabled()),
          String.valueOf(email)));
    }
    String url = client.getWebhookUrl();
    String secret = client.getWebhookSecret();
    if (update.webhookUrl() != null) {
      String next = update.webhookUrl().isEmpty() ? null : update.webhookUrl().trim();
      if (next != null) {
        try {
          webhookTargets.check(next);
        } catch (RefusedWebhookTarget refused) {
          throw new InvalidFieldException("webhookUrl", refused.getMessage());
        }
      }
      if (!Objects.equals(next, url)) {
        made.add(new ClientChange(id, at, by, "webhookUrl", url, next));
      }
      url = next;
      secret = next == null ? null : secret;
    }
    if (update.webhookSecret() != null && url != null && !update.webhookSecret().equals(secret)) {
      made.add(new ClientChange(id, at, by, "webhookSecret", null, "(replaced)"));
      secret = update.webhookSecret();
    }
    client.update(update.name() == null ? client.getName() : update.name().trim(),
        update.language() == null ? client.getLanguage() : Language.of(update.language()),
        update.timeZone() == null ? client.getTimeZone() : ZoneId.of(update.timeZone()));
    client.useChannels(email, url, url == null ? null : secret);
    changes.saveAll(made);
    return view(client);
  }

  private Client client(long id) {
    return clients.findById(id).orElseThrow(() -> new NotFoundException("No client with id " + id + "."));
  }

  private ClientDetailsView view(Client client) {
    List<Change> history = changes.findByClientIdOrderByChangedAtAscIdAsc(client.getId()).stream()
        .map(c -> new Change(c.getField(), c.getOldValue(), c.getNewValue(), c.getChangedBy(), c.getChangedAt()))
        .toList();
    return new ClientDetailsView(client.getId(), client.getName(), client.getEmail(), client.getLanguage(),
        client.getTimeZone().getId(), client.isEmailEnabled(), client.getWebhookUrl(),
        client.getWebhookSecret() != null, history);
  }
}
