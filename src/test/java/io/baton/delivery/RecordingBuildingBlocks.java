package io.baton.delivery;

import io.baton.engine.BuildingBlock;
import io.baton.engine.BuildingBlock.Inputs;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * Stand-ins for Baton's building blocks ({@code ${recordHandoff}}, {@code ${notifyClient}},
 * {@code ${notifyStaff}}) on the plain test engine: each records what the model called it with,
 * in the order the process called them, and does nothing else.
 *
 * <p>They read their input parameters as the real delegates do, with
 * {@code execution.getVariableLocal(..)}. An input parameter the building block does not know
 * fails the call, as a misspelt name would otherwise be dropped without a word in production.
 *
 * <p>The engine resolves the delegate expressions through {@code MockExpressionManager}
 * (see {@code camunda.cfg.xml}); {@link Mocks} keeps the doubles per thread, and the engine runs
 * the process in the test's thread because it has no job executor.
 */
final class RecordingBuildingBlocks {

  /** The input parameters each building block reads. */
  private static final Map<BuildingBlock, List<String>> INPUTS = new EnumMap<>(Map.of(
      BuildingBlock.RECORD_HANDOFF, List.of(Inputs.FROM_STAGE, Inputs.TO_STAGE, Inputs.KIND, Inputs.NOTE,
          Inputs.REASON, Inputs.OPEN_QUESTIONS, Inputs.CHECKLIST_DONE, Inputs.CHECKLIST_OPEN),
      BuildingBlock.NOTIFY_CLIENT, List.of(Inputs.TEMPLATE, Inputs.CHANNELS),
      BuildingBlock.NOTIFY_STAFF, List.of(Inputs.TEMPLATE, Inputs.USER, Inputs.GROUP)));

  /** One call of a building block: which one, from which element, when, and with which inputs. */
  record Call(BuildingBlock block, String elementId, String businessKey, Date at, Map<String, Object> inputs) {

    Object input(String name) {
      return inputs.get(name);
    }

    /** {@link BuildingBlock#KIND_HANDOFF} unless the model says otherwise, as the real block reads it. */
    String kind() {
      Object kind = inputs.get(Inputs.KIND);
      return kind == null ? BuildingBlock.KIND_HANDOFF : kind.toString();
    }

    /** What a person would say happened, e.g. "send-back Task_QualityReview -> Task_Delivery". */
    String describe() {
      return switch (block) {
        case RECORD_HANDOFF -> handoff(kind(), (String) input(Inputs.FROM_STAGE), (String) input(Inputs.TO_STAGE));
        case NOTIFY_CLIENT -> toClient((String) input(Inputs.TEMPLATE));
        case NOTIFY_STAFF -> input(Inputs.GROUP) != null
            ? toGroup((String) input(Inputs.TEMPLATE), (String) input(Inputs.GROUP))
            : toUser((String) input(Inputs.TEMPLATE), (String) input(Inputs.USER));
      };
    }

    @Override
    public String toString() {
      return describe() + " at " + elementId + " " + inputs;
    }
  }

  // --- the words describe() uses, for the expectations of a test ---------------------------

  static String handoff(String kind, String fromStage, String toStage) {
    return BuildingBlock.RECORD_HANDOFF.bean() + " " + kind + " " + fromStage + " -> " + toStage;
  }

  static String toClient(String template) {
    return BuildingBlock.NOTIFY_CLIENT.bean() + " " + template + " to the client";
  }

  static String toGroup(String template, String group) {
    return BuildingBlock.NOTIFY_STAFF.bean() + " " + template + " to group " + group;
  }

  static String toUser(String template, String user) {
    return BuildingBlock.NOTIFY_STAFF.bean() + " " + template + " to user " + user;
  }

  // --- recording ---------------------------------------------------------------------------

  private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());

  /** Registers a recording double under each building block's bean name. */
  static RecordingBuildingBlocks register() {
    RecordingBuildingBlocks recorder = new RecordingBuildingBlocks();
    for (BuildingBlock block : BuildingBlock.values()) {
      Mocks.register(block.bean(), (JavaDelegate) execution -> recorder.record(block, execution));
    }
    return recorder;
  }

  static void unregister() {
    Mocks.reset();
  }

  private void record(BuildingBlock block, DelegateExecution execution) {
    Set<String> unknown = new TreeSet<>(execution.getVariableNamesLocal());
    unknown.removeAll(INPUTS.get(block));
    if (!unknown.isEmpty()) {
      throw new AssertionError("'" + execution.getCurrentActivityId() + "' gives " + block.bean()
          + " input parameters it does not read: " + unknown);
    }
    Map<String, Object> inputs = new LinkedHashMap<>();
    for (String name : INPUTS.get(block)) {
      Object value = execution.getVariableLocal(name);
      if (value != null) {
        inputs.put(name, value);
      }
    }
    calls.add(new Call(block, execution.getCurrentActivityId(), execution.getProcessBusinessKey(),
        ClockUtil.getCurrentTime(), Collections.unmodifiableMap(inputs)));
  }

  /** Every call so far, in order. */
  List<Call> calls() {
    return List.copyOf(calls);
  }

  /** Every call so far as {@link Call#describe()} puts it, in order. */
  List<String> described() {
    return calls().stream().map(Call::describe).toList();
  }

  List<Call> callsOf(BuildingBlock block) {
    return calls().stream().filter(call -> call.block() == block).toList();
  }

  /** Handoffs and send-backs, in order. */
  List<Call> handoffs() {
    return callsOf(BuildingBlock.RECORD_HANDOFF);
  }

  List<Call> sendBacks() {
    return handoffs().stream().filter(call -> BuildingBlock.KIND_SEND_BACK.equals(call.kind())).toList();
  }

  /** Templates of the messages to the client, in order. */
  List<Object> clientMessages() {
    return callsOf(BuildingBlock.NOTIFY_CLIENT).stream().map(call -> call.input(Inputs.TEMPLATE)).toList();
  }

  /** The one call made from the element {@code elementId}. */
  Call onlyCallAt(String elementId) {
    List<Call> at = calls().stream().filter(call -> call.elementId().equals(elementId)).toList();
    if (at.size() != 1) {
      throw new AssertionError("expected one call at " + elementId + ", got " + at);
    }
    return at.get(0);
  }

  /** Forgets the calls so far, so that a test can look at what one step does. */
  void forget() {
    calls.clear();
  }
}
