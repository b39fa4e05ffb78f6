package io.baton.testing;

import io.baton.BatonApplication;
import io.baton.cases.CaseService;
import io.baton.cases.Language;
import io.baton.cases.OpenCase;
import io.baton.cases.Tier;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Baton node that a test starts and stops itself, as an operator would (a restart, a restore):
 * the {@code postgres} profile on the given database, mail to a local test server, the
 * integration settings, and the dispatcher on or off.
 */
public final class BatonNode {

  private BatonNode() {}

  public static ConfigurableApplicationContext start(String databaseUrl, int smtpPort, boolean dispatch) {
    List<String> args = new ArrayList<>(List.of(
        "--spring.profiles.active=postgres",
        "--spring.datasource.url=" + databaseUrl,
        "--spring.datasource.username=" + Postgres.user(),
        "--spring.datasource.password=" + Postgres.password(),
        "--server.port=0",
        // The webapps keep a static handle on the first context; these tests do not need them.
        "--camunda.bpm.webapp.enabled=false",
        "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + smtpPort));
    for (String property : IntegrationSettings.PROPERTIES) {
      if (!property.startsWith("baton.notifications.dispatch=")) {
        args.add("--" + property);
      }
    }
    args.add("--baton.notifications.dispatch=" + dispatch);
    args.add("--baton.notifications.poll-interval=PT0.2S");
    return new SpringApplicationBuilder(BatonApplication.class).run(args.toArray(String[]::new));
  }

  /** Opens a website build for an English client of this address; its case key. */
  public static String openCase(CaseService cases, String email, String reference) {
    return cases.open(new OpenCase(reference, "Client " + email, email, Language.EN, ZoneId.of("Europe/Helsinki"),
        "website-build", Tier.STANDARD, LocalDate.now().plusWeeks(4))).theCase().getKey();
  }
}
