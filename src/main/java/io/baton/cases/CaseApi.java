package io.baton.cases;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.hibernate.validator.constraints.URL;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the case API. */
final class CaseApi {

  private CaseApi() {}

  @Schema(description = "A request to open a case, for example when a CRM deal is won")
  record OpenCaseRequest(
      @Schema(description = "The caller's id for this case, such as the CRM deal id. "
          + "Sending the same reference again returns the same case.", example = "crm-deal-4711")
      @NotBlank @Size(max = 100) String externalReference,
      @NotNull @Valid ClientDetails client,
      @Schema(example = "website-build") @NotBlank @KnownService String service,
      @Schema(example = "standard", description = "basic, standard or premium")
      @NotBlank @OneOf(Tier.class) String tier,
      @Schema(description = "The date the client was promised", example = "2027-02-15")
      @NotNull @FutureOrPresent LocalDate promisedDate,
      @Schema(description = "When the client's contract ends, if it does: the account managers are "
          + "reminded to talk about renewal before then", example = "2027-12-31")
      @Future LocalDate contractEnd) {

    OpenCase toCommand() {
      return new OpenCase(externalReference.trim(), client.name().trim(), client.email(),
          Language.of(client.language()), ZoneId.of(client.timeZone()), service, Tier.of(tier),
          promisedDate, client.emailNotifications() == null || client.emailNotifications(),
          client.webhookUrl(), client.webhookSecret(), contractEnd);
    }
  }

  record ClientDetails(
      @Schema(example = "Rila Digital OOD") @NotBlank @Size(max = 200) String name,
      @Schema(example = "projects@rila.example") @NotBlank @Email @Size(max = 320) String email,
      @Schema(example = "bg", description = "ISO 639-1: en, bg, kk, tr, fi or ar")
      @NotBlank @OneOf(Language.class) String language,
      @Schema(example = "Europe/Sofia") @NotBlank @ValidTimeZone String timeZone,
      @Schema(description = "Whether the client gets e-mail; true when left out")
      Boolean emailNotifications,
      @Schema(description = "The client's own endpoint for signed status webhooks",
          example = "https://crm.rila.example/hooks/baton")
      @URL(regexp = "^https?://.+", message = "must be an http(s) URL") @Size(max = 2000) String webhookUrl,
      @Schema(description = "The secret the webhooks are signed with (HMAC-SHA256); required with webhookUrl",
          accessMode = Schema.AccessMode.WRITE_ONLY)
      @Size(min = 24, max = 200) String webhookSecret) {

    @AssertTrue(message = "webhookUrl and webhookSecret go together")
    @Schema(hidden = true)
    boolean isWebhookComplete() {
      return (webhookUrl == null) == (webhookSecret == null);
    }
  }

  record CaseView(
      String key,
      String externalReference,
      CaseStatus status,
      boolean atRisk,
      String service,
      Tier tier,
      LocalDate promisedDate,
      ClientView client,
      StageView currentStage,
      List<TaskView> openTasks,
      Map<String, Long> sendBacks,
      LocalDate forecastDate,
      List<PromiseView> promises,
      Instant openedAt,
      Instant deliveredAt,
      LocalDate contractEnd,
      Instant closedAt) {}

  record PromiseView(PromiseKind kind, LocalDate date, LocalDate previousDate, String note, Instant at) {}

  record ClientView(long id, String name, String email, Language language, String timeZone) {}

  record StageView(String id, String name, String team, Instant since) {}

  record TaskView(String id, String name, String stage, List<String> candidateGroups,
      String assignee, Instant created, Instant due) {}
}
