package io.baton.cases;

import io.baton.cases.CaseApi.CaseView;
import io.baton.cases.CaseApi.ClientView;
import io.baton.cases.CaseApi.OpenCaseRequest;
import io.baton.cases.CaseApi.PromiseView;
import io.baton.cases.CaseApi.StageView;
import io.baton.cases.CaseApi.TaskView;
import io.baton.handoff.HandoffService;
import io.baton.handoff.HandoffView;
import io.baton.security.Caller;
import io.baton.system.ConflictException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cases")
@Tag(name = "Cases", description = "Open client cases and follow them through their stages")
class CaseController {

  private final CaseService caseService;
  private final TaskService taskService;
  private final HandoffService handoffs;
  private final CasePromises promises;
  private final CaseAccess access;
  private final IdentityService identityService;

  CaseController(CaseService caseService, TaskService taskService, HandoffService handoffs,
      CasePromises promises, CaseAccess access, IdentityService identityService) {
    this.access = access;
    this.identityService = identityService;
    this.caseService = caseService;
    this.taskService = taskService;
    this.handoffs = handoffs;
    this.promises = promises;
  }

  @PostMapping
  @Operation(summary = "Open a case and start its process",
      description = "Idempotent on externalReference: a repeat returns the case opened first.")
  @ApiResponse(responseCode = "201", description = "The case was opened")
  @ApiResponse(responseCode = "200", description = "A case with this external reference exists already")
  @ApiResponse(responseCode = "400", description = "The request is invalid; each bad field is named")
  @ApiResponse(responseCode = "409", description = "The external reference belongs to another client or service")
  ResponseEntity<CaseView> open(@Valid @RequestBody OpenCaseRequest request) {
    Caller caller = Caller.current();
    CaseService.Opened opened = caseService.open(request.toCommand(), caller.id());
    if (!opened.created() && !access.mayRead(caller, opened.theCase())) {
      throw new ConflictException("External reference '" + request.externalReference()
          + "' belongs to a case opened by someone else; use a reference of your own.");
    }
    CaseView view = view(opened.theCase(), caller);
    return opened.created()
        ? ResponseEntity.created(URI.create("/api/cases/" + view.key())).body(view)
        : ResponseEntity.ok(view);
  }

  @GetMapping("/{key}")
  @Operation(summary = "A case with its current stage and open tasks")
  @ApiResponse(responseCode = "404", description = "No case has this key")
  CaseView get(@PathVariable String key) {
    return view(access.readable(key), Caller.current());
  }

  @GetMapping("/{key}/timeline")
  @Tag(name = "Handoffs")
  @Operation(summary = "The case's handoffs and send-backs, newest first")
  @ApiResponse(responseCode = "404", description = "No case has this key")
  List<HandoffView> timeline(@PathVariable String key) {
    access.readable(key);
    return handoffs.timeline(key).stream().map(HandoffView::of).toList();
  }

  /** Client contact data only for those who work with clients; tasks as the caller may see them. */
  private CaseView view(Case c, Caller caller) {
    Client client = c.getClient();
    StageView stage = c.getCurrentStage() == null ? null
        : new StageView(c.getCurrentStage(), c.getCurrentStageName(), c.getCurrentTeam(), c.getStageSince());
    return new CaseView(c.getKey(), c.getExternalReference(), c.getStatus(), c.isAtRisk(), c.getService(),
        c.getTier(), c.getPromisedDate(),
        new ClientView(client.getId(), client.getName(), caller.seesClientContact() ? client.getEmail() : null,
            client.getLanguage(), client.getTimeZone().getId()),
        stage, openTasks(c.getKey(), caller), handoffs.sendBacksByStage(c.getKey()), c.getForecastDate(),
        promises.history(c.getKey()).stream().map(p -> new PromiseView(p.getKind(), p.getPromisedDate(),
            p.getPreviousDate(), p.getNote(), p.getRecordedAt())).toList(),
        c.getOpenedAt(), c.getDeliveredAt(), c.getContractEnd(), c.getClosedAt());
  }

  private List<TaskView> openTasks(String caseKey, Caller caller) {
    List<Task> visible = caller.inEngine(identityService, () -> taskService.createTaskQuery()
        .processInstanceBusinessKey(caseKey).orderByTaskCreateTime().asc().list());
    return visible.stream().map(this::view).toList();
  }

  private TaskView view(Task task) {
    List<String> groups = taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId)
        .toList();
    return new TaskView(task.getId(), task.getName(), task.getTaskDefinitionKey(), groups,
        task.getAssignee(), task.getCreateTime().toInstant(),
        task.getDueDate() == null ? null : task.getDueDate().toInstant());
  }
}
