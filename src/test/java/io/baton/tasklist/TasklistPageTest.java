package io.baton.tasklist;

import io.baton.testing.Browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.delivery.ServiceDeliveryProcess.Elements;
import io.baton.delivery.ServiceDeliveryProcess.Variables;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * Camunda Tasklist in a real (headless Chromium) browser, against the whole application on a
 * random port with the demo users: staff see and complete their team's stage tasks, with the case
 * shown in the Camunda Form, and do not see other teams' tasks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.url=jdbc:h2:mem:tasklist-page;DB_CLOSE_DELAY=-1")
@ActiveProfiles("demo")
class TasklistPageTest {

  private static final String PASSWORD = "demo";

  // Tasklist's login page (camunda-commons-ui auth/page/form.html): no ids, only ng-model.
  private static final By LOGIN_USER = By.cssSelector("form input[ng-model='username']");
  private static final By LOGIN_PASSWORD = By.cssSelector("form input[ng-model='password']");
  private static final By LOGIN_SUBMIT = By.cssSelector("form button[type='submit']");
  // Filters (left), task list (middle) and the task (right).
  private static final By TEAM_FILTER = By.xpath("//div[contains(@class,'task-filter')]"
      + "//h4[contains(@class,'name')]/a[starts-with(normalize-space(.), 'Team: ')]");
  private static final By ACTIVE_FILTER = By.cssSelector(".task-filter.active h4.name a");
  private static final By TASK_LIST = By.cssSelector("[cam-tasks]");
  private static final By TASK_LINKS = By.cssSelector("ol.tasks-list li.task h4.task a");
  private static final By TASK_HEADER = By.cssSelector("[cam-tasklist-task] [cam-tasklist-task-meta]");
  private static final By NO_TASK = By.cssSelector("[cam-tasklist-task] .no-task");
  private static final By ERROR_NOTIFICATION = By.cssSelector(".page-notifications .alert.alert-danger");
  private static final By CLAIM = By.cssSelector("[cam-tasklist-task-meta] button.claim");
  private static final By ASSIGNEE = By.cssSelector("[cam-tasklist-task-meta] li.assignee");
  // The Camunda Form (form-js): ids are fjs-form-<random>-<component id from kickoff.form>.
  private static final By FORM = By.cssSelector("[cam-tasklist-form-camunda] form.fjs-form");
  private static final By CASE_FIELD = By.cssSelector("form.fjs-form input[id$='-Field_CaseKey']");
  private static final By CLIENT_FIELD = By.cssSelector("form.fjs-form input[id$='-Field_ClientName']");
  private static final By SCOPE_CONFIRMED = By.cssSelector(
      "form.fjs-form input[type='checkbox'][id$='-Field_ScopeConfirmed']");
  private static final By KICKOFF_NOTE = By.cssSelector("form.fjs-form textarea[id$='-Field_KickoffNote']");
  private static final By COMPLETE = By.cssSelector(".form-actions button[ng-click='complete()']");

  @RegisterExtension
  final Browser browser = new Browser();

  @LocalServerPort
  int port;

  @Autowired
  TestRestTemplate http;

  @Autowired
  TaskService taskService;

  @Autowired
  HistoryService historyService;

  @Test
  void accountManagerCompletesKickoffOfCaseOpenedOverApi() {
    String client = "Витоша Студио ООД " + shortId();
    String caseKey = openCase(client);
    Task kickoff = openTask(caseKey);
    assertThat(kickoff.getTaskDefinitionKey()).isEqualTo(Elements.TASK_KICKOFF);
    String note = "Kickoff call held " + shortId()
        + ": scope as quoted, contact Ivana (bg), launch by the promised date.";

    logIn("amira");
    showTeamTasks();
    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(taskLink(kickoff.getId())));
    assertThat(shownTasks()).containsEntry("#/?task=" + kickoff.getId(), "Kickoff");
    click(taskLink(kickoff.getId()));
    browser.waiting().until(ExpectedConditions.urlContains("task=" + kickoff.getId()));
    browser.snapshot("1-task");

    click(CLAIM);
    browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(ASSIGNEE, "Amira Account"));
    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(FORM));
    browser.waiting().until(ExpectedConditions.textToBePresentInElementValue(CASE_FIELD, caseKey));
    browser.waiting().until(ExpectedConditions.textToBePresentInElementValue(CLIENT_FIELD, client));
    WebElement clientField = driver().findElement(CLIENT_FIELD);
    assertThat(clientField.getDomProperty("value")).isEqualTo(client);
    assertThat(clientField.isEnabled()).as("the Client field is read-only").isFalse();
    browser.snapshot("2-claimed");

    click(SCOPE_CONFIRMED);
    browser.waiting().until(ExpectedConditions.elementToBeSelected(SCOPE_CONFIRMED));
    click(KICKOFF_NOTE).sendKeys(note);
    browser.waiting().until(ExpectedConditions.textToBePresentInElementValue(KICKOFF_NOTE, note));
    browser.snapshot("3-filled");

    click(COMPLETE);
    // Tasklist drops the completed task from the list and closes it, without an error.
    browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(taskLink(kickoff.getId())));
    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(NO_TASK));
    browser.snapshot("4-completed");
    assertThat(driver().findElements(FORM)).isEmpty();
    assertThat(driver().findElements(ERROR_NOTIFICATION)).extracting(WebElement::getText).isEmpty();

    HistoricTaskInstance done = until("the Kickoff task is completed", () -> {
      HistoricTaskInstance t = historyService.createHistoricTaskInstanceQuery()
          .taskId(kickoff.getId()).singleResult();
      return t != null && t.getEndTime() != null ? t : null;
    });
    assertThat(done.getAssignee()).isEqualTo("amira");
    assertThat(done.getDeleteReason()).isEqualTo("completed");

    Map<String, Object> theCase = until("the case has moved to Intake", () -> {
      Map<String, Object> c = getCase(caseKey);
      return Elements.TASK_INTAKE.equals(stageOf(c)) ? c : null;
    });
    assertThat(theCase.get("status")).isEqualTo("OPEN");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> openTasks = (List<Map<String, Object>>) theCase.get("openTasks");
    assertThat(openTasks).extracting(t -> t.get("stage")).containsExactly(Elements.TASK_INTAKE);

    assertThat(variable(kickoff.getProcessInstanceId(), Variables.KICKOFF_NOTE)).isEqualTo(note);
    assertThat(variable(kickoff.getProcessInstanceId(), Variables.SCOPE_CONFIRMED)).isEqualTo(true);
  }

  @Test
  void qaDoesNotSeeOrOpenAnotherTeamsKickoff() {
    String client = "Pirin Analytics EOOD " + shortId();
    String caseKey = openCase(client);
    Task kickoff = openTask(caseKey);

    logIn("quentin");
    showTeamTasks();
    // The list has loaded when it shows the qa team's own open tasks (the demo cases have one).
    List<String> qaTasks = taskService.createTaskQuery().taskCandidateGroup("qa").list().stream()
        .map(Task::getId).toList();
    assertThat(qaTasks).as("the demo data leaves a task for qa").isNotEmpty();
    qaTasks.forEach(id -> browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(taskLink(id))));
    browser.snapshot("1-team-tasks");
    Map<String, String> shown = shownTasks();
    assertThat(shown.keySet()).as("tasks Quentin (qa) sees in his team's filter")
        .containsExactlyInAnyOrderElementsOf(qaTasks.stream().map(id -> "#/?task=" + id).toList())
        .doesNotContain("#/?task=" + kickoff.getId());
    assertThat(shown.values()).doesNotContain("Kickoff");
    assertThat(driver().findElement(TASK_LIST).getText()).doesNotContain("Kickoff");

    // A link to the task itself: Tasklist cannot load it (the engine answers 404 for Quentin).
    driver().get(tasklistUrl() + "#/?task=" + kickoff.getId());
    WebElement error = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(ERROR_NOTIFICATION));
    browser.waiting().until(ExpectedConditions.textToBePresentInElement(error, kickoff.getId()));
    browser.snapshot("2-direct-link");
    assertThat(error.findElement(By.cssSelector(".status")).getText()).isEqualTo("The task does not exist anymore");
    assertThat(error.findElement(By.cssSelector(".message")).getText())
        .isEqualTo("<task> <- No matching task with id " + kickoff.getId());
    assertThat(driver().findElement(NO_TASK).isDisplayed()).as("'Select a task in the list.'").isTrue();
    assertThat(driver().findElement(NO_TASK).getText()).isEqualTo("Select a task in the list.");
    assertThat(driver().findElements(TASK_HEADER)).as("a task shown").isEmpty();
    assertThat(driver().findElements(FORM)).as("a task form shown").isEmpty();
    assertThat(driver().findElements(CLAIM)).as("a Claim button shown").isEmpty();
    assertThat(driver().findElements(COMPLETE)).as("a Complete button shown").isEmpty();
    assertThat(driver().findElement(By.cssSelector("[cam-tasklist-task]")).getText())
        .doesNotContain("Kickoff").doesNotContain(client).doesNotContain(caseKey);

    Task after = taskService.createTaskQuery().taskId(kickoff.getId()).singleResult();
    assertThat(after).as("the Kickoff task is still open").isNotNull();
    assertThat(after.getAssignee()).isNull();
  }

  // --- the application

  private String openCase(String client) {
    ResponseEntity<Map<String, Object>> response = http.withBasicAuth("crm", PASSWORD).exchange(
        "/api/cases", HttpMethod.POST, new HttpEntity<>(Map.of(
            "externalReference", "tasklist-page-" + UUID.randomUUID(),
            "client", Map.of("name", client, "email", "office-" + shortId() + "@client.example", "language", "bg",
                "timeZone", "Europe/Sofia"),
            "service", "website-build",
            "tier", "standard",
            "promisedDate", LocalDate.now().plusMonths(3).toString())),
        new ParameterizedTypeReference<>() {});
    assertThat(response.getStatusCode()).as("POST /api/cases: %s", response.getBody())
        .isEqualTo(HttpStatus.CREATED);
    return (String) response.getBody().get("key");
  }

  /** The case as a manager sees it: with its open tasks, which an integration may not read. */
  private Map<String, Object> getCase(String caseKey) {
    ResponseEntity<Map<String, Object>> response = http.withBasicAuth("mehmet", PASSWORD).exchange(
        "/api/cases/{key}", HttpMethod.GET, null, new ParameterizedTypeReference<>() {}, caseKey);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  @SuppressWarnings("unchecked")
  private static String stageOf(Map<String, Object> theCase) {
    Map<String, Object> stage = (Map<String, Object>) theCase.get("currentStage");
    return stage == null ? null : (String) stage.get("id");
  }

  private Task openTask(String caseKey) {
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(caseKey).singleResult();
    assertThat(task).as("the open task of case %s", caseKey).isNotNull();
    return task;
  }

  private Object variable(String processInstanceId, String name) {
    HistoricVariableInstance variable = historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).variableName(name).singleResult();
    assertThat(variable).as("variable %s", name).isNotNull();
    return variable.getValue();
  }

  /** Polls the engine (no sleeping) until the supplier gives a value. */
  private static <T> T until(String what, Supplier<T> probe) {
    return new FluentWait<>(probe)
        .withTimeout(Duration.ofSeconds(10))
        .pollingEvery(Duration.ofMillis(100))
        .withMessage(what)
        .until(Supplier::get);
  }

  // --- the page

  private WebDriver driver() {
    return browser.driver();
  }

  private String tasklistUrl() {
    return "http://localhost:" + port + "/camunda/app/tasklist/default/";
  }

  private void logIn(String user) {
    driver().get("http://localhost:" + port + "/camunda/app/tasklist/");
    browser.waiting().until(ExpectedConditions.elementToBeClickable(LOGIN_USER));
    // The login page may move the focus while it renders, so typing is checked and redone until
    // both fields hold exactly what was typed.
    browser.waiting().ignoring(StaleElementReferenceException.class).until(d -> {
      WebElement name = d.findElement(LOGIN_USER);
      WebElement password = d.findElement(LOGIN_PASSWORD);
      if (!user.equals(name.getAttribute("value"))) {
        name.clear();
        name.sendKeys(user);
      }
      if (!PASSWORD.equals(password.getAttribute("value"))) {
        password.clear();
        password.sendKeys(PASSWORD);
      }
      return user.equals(name.getAttribute("value")) && PASSWORD.equals(password.getAttribute("value"));
    });
    driver().findElement(LOGIN_SUBMIT).click();
    browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(LOGIN_USER));
    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(TEAM_FILTER));
  }

  private void showTeamTasks() {
    click(TEAM_FILTER);
    browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(ACTIVE_FILTER, "Team: "));
  }

  /**
   * Clicks an element once it can be clicked, after scrolling it to the middle of its pane (at the
   * bottom of the task pane, Tasklist's fixed footer would take the click). Tasklist re-renders
   * its lists (the team filter refreshes itself), so a stale element is looked up again.
   */
  private WebElement click(By locator) {
    return browser.waiting()
        .ignoring(StaleElementReferenceException.class)
        .ignoring(ElementClickInterceptedException.class)
        .until(d -> {
          WebElement element = d.findElement(locator);
          if (!element.isDisplayed() || !element.isEnabled()) {
            return null;
          }
          ((JavascriptExecutor) d).executeScript(
              "arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});", element);
          element.click();
          return element;
        });
  }

  /** The task list as shown: link target to task name, read in one go. */
  private Map<String, String> shownTasks() {
    return browser.waiting().ignoring(StaleElementReferenceException.class).until(d ->
        d.findElements(TASK_LINKS).stream().collect(Collectors.toMap(
            a -> a.getDomAttribute("href"), WebElement::getText, (a, b) -> a, LinkedHashMap::new)));
  }

  private static By taskLink(String taskId) {
    return By.cssSelector("ol.tasks-list li.task h4.task a[href='#/?task=" + taskId + "']");
  }

  private static String shortId() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
