package io.baton.demo;

import io.baton.cases.CaseService;
import io.baton.cases.Language;
import io.baton.cases.OpenCase;
import io.baton.cases.Tier;
import io.baton.delivery.ServiceDeliveryProcess.Elements;
import io.baton.delivery.ServiceDeliveryProcess.Variables;
import io.baton.security.Groups;
import io.baton.system.ServedAt;
import io.baton.system.BatonClock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.CommandLineRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo profile: one user per team (password {@value #PASSWORD}) and a few cases at different
 * stages, so that Tasklist has something to show on a first run. Safe to run on every start.
 */
@Component
@Profile("demo")
@Order(0)
class DemoData implements CommandLineRunner {

  static final String PASSWORD = "demo";

  record DemoUser(String id, String firstName, String lastName, String group) {}

  static final List<DemoUser> USERS = List.of(
      new DemoUser("demo", "Demo", "Administrator", Groups.ADMINS),
      new DemoUser("amira", "Amira", "Account", Groups.ACCOUNT_MANAGERS),
      new DemoUser("lena", "Lena", "Lead", Groups.DELIVERY_LEADS),
      new DemoUser("dimitar", "Dimitar", "Developer", Groups.DELIVERY),
      new DemoUser("quentin", "Quentin", "Quality", Groups.QA),
      new DemoUser("tuula", "Tuula", "Teamlead", Groups.TEAM_LEADS),
      new DemoUser("mehmet", "Mehmet", "Manager", Groups.MANAGERS),
      new DemoUser("crm", "CRM", "Integration", Groups.INTEGRATIONS),
      new DemoUser("prometheus", "Prometheus", "Monitoring", Groups.MONITORING));

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  private final IdentityService identityService;
  private final CaseService caseService;
  private final TaskService taskService;
  private final ServedAt servedAt;

  DemoData(IdentityService identityService, CaseService caseService, TaskService taskService,
      ServedAt servedAt) {
    this.identityService = identityService;
    this.servedAt = servedAt;
    this.caseService = caseService;
    this.taskService = taskService;
  }

  @Override
  public void run(String... args) {
    USERS.forEach(this::ensureUser);
    LocalDate inSixWeeks = LocalDate.ofInstant(BatonClock.now(), ZoneId.systemDefault()).plusWeeks(6);
    open("demo-deal-1", "Rila Digital OOD", "projects@rila.example", Language.BG, "Europe/Sofia",
        "website-build", Tier.STANDARD, inSixWeeks);
    String second = open("demo-deal-2", "Saimaa Works Oy", "pmo@saimaa.example", Language.FI, "Europe/Helsinki",
        "website-build", Tier.PREMIUM, inSixWeeks);
    if (second != null) {
      complete(second, Elements.TASK_KICKOFF, Map.of(Variables.SCOPE_CONFIRMED, true,
          Variables.KICKOFF_NOTE, "Scope: new product site in Finnish and English. Contact: Aino."));
      complete(second, Elements.TASK_INTAKE, Map.of(Variables.INTAKE_READY, true,
          Variables.INTAKE_NOTE, "Two sprints; Dimitar builds, design review on Friday."));
    }
    String third = open("demo-deal-3", "Bosphorus Lojistik A.Ş.", "it@bosphorus.example", Language.TR,
        "Europe/Istanbul", "it-onboarding", Tier.BASIC, inSixWeeks);
    if (third != null) {
      complete(third, Elements.TASK_KICKOFF, Map.of(Variables.SCOPE_CONFIRMED, true,
          Variables.KICKOFF_NOTE, "40 laptops, accounts for the Izmir office."));
      complete(third, Elements.TASK_INTAKE, Map.of(Variables.INTAKE_READY, true, Variables.INTAKE_NOTE, "Ship in two batches."));
      complete(third, Elements.TASK_DELIVERY, Map.of(
          Variables.DELIVERY_NOTE, "First batch imaged and shipped; checklist attached."));
    }
  }

  @EventListener(ApplicationReadyEvent.class)
  void printLogins() {
    StringBuilder text = new StringBuilder("\n\n  Baton demo is ready: " + servedAt.tasklist() + "\n"
        + "  Demo logins (password '" + PASSWORD + "' for all):\n");
    USERS.forEach(u -> text.append(String.format("    %-8s  %s%n", u.id(), u.group())));
    log.info(text.toString());
  }

  private void ensureUser(DemoUser demo) {
    if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
      User user = identityService.newUser(demo.id());
      user.setFirstName(demo.firstName());
      user.setLastName(demo.lastName());
      user.setEmail(demo.id() + "@baton.example");
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
      identityService.createMembership(demo.id(), demo.group());
    }
  }

  /** Opens a demo case; its key when it is new (so its stages are walked once), else null. */
  private String open(String reference, String client, String email, Language language, String zone,
      String service, Tier tier, LocalDate promised) {
    CaseService.Opened opened = caseService.open(new OpenCase(reference, client, email, language, ZoneId.of(zone), service,
        tier, promised));
    return opened.created() ? opened.theCase().getKey() : null;
  }

  private void complete(String caseKey, String stage, Map<String, Object> variables) {
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(caseKey)
        .taskDefinitionKey(stage).singleResult();
    taskService.complete(task.getId(), variables);
  }
}
