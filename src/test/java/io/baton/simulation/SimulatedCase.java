package io.baton.simulation;

import static io.baton.delivery.ServiceDeliveryProcess.Elements.TASK_DELIVERY;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.TASK_HANDOVER;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.TASK_INTAKE;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.TASK_KICKOFF;
import static io.baton.delivery.ServiceDeliveryProcess.Elements.TASK_QUALITY_REVIEW;

import io.baton.cases.Language;
import io.baton.cases.Tier;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One simulated client case: what the dice decided before the run (the plan) and what then
 * happened on the engine clock (the timeline). The plan depends only on the seed, never on Baton,
 * so both policies are judged on the same cases.
 */
final class SimulatedCase {

  /** One stage the case will go through, in order; a send-back adds a second Delivery and review. */
  record PlannedStage(String stage, Duration work, boolean approved, double waitAt, int waitDays) {
    boolean waitsForClient() {
      return waitDays > 0;
    }
  }

  /** One stage as it ran: its task, when it started and ended, its SLA target, a client wait. */
  static final class StageRun {
    final String stage;
    final String team;
    final String taskId;
    final Instant start;
    final Duration target;
    Instant end;
    Instant pauseStart;
    Instant pauseEnd;

    StageRun(String stage, String team, String taskId, Instant start, Duration target) {
      this.stage = stage;
      this.team = team;
      this.taskId = taskId;
      this.start = start;
      this.target = target;
    }
  }

  final int index;
  final String externalReference;
  final String service;
  final Tier tier;
  final Language language;
  final Instant openAt;
  final int slackDays;
  final List<PlannedStage> plan;
  final boolean sentBack;
  final boolean waits;

  String key;
  String processInstanceId;
  LocalDate promisedDate;
  int cursor;
  Duration remainingAfterWait;
  final List<StageRun> runs = new ArrayList<>();
  Instant deliveredAt;

  private SimulatedCase(int index, String service, Tier tier, Language language, Instant openAt, int slackDays,
      List<PlannedStage> plan, boolean sentBack, boolean waits) {
    this.index = index;
    this.externalReference = "SIM-" + index;
    this.service = service;
    this.tier = tier;
    this.language = language;
    this.openAt = openAt;
    this.slackDays = slackDays;
    this.plan = plan;
    this.sentBack = sentBack;
    this.waits = waits;
  }

  StageRun current() {
    return runs.get(runs.size() - 1);
  }

  PlannedStage currentPlan() {
    return plan.get(cursor);
  }

  /** The dice of the simulation; every number is drawn from one seeded generator per case. */
  static final class Dice {
    /** Median of a stage's real duration, as a share of its SLA target. */
    static final double MEDIAN_SHARE = 0.8;
    /** Spread (sigma of the log) of a stage's duration around that median. */
    static final double SIGMA = 0.3;
    /** The heavy tail: this share of stages hits trouble and takes 1.5 to 3 times as long. */
    static final double TROUBLE = 0.08;
    static final double SEND_BACK = 0.10;
    static final double CLIENT_WAIT = 0.20;
    static final int MAX_SLACK_DAYS = 5;

    interface Targets {
      Duration of(String service, Tier tier, String stage);
    }

    private final Targets targets;

    Dice(Targets targets) {
      this.targets = targets;
    }

    SimulatedCase roll(int index, long seed, Instant openAt) {
      java.util.Random random = new java.util.Random(seed);
      String service = random.nextBoolean() ? "website-build" : "it-onboarding";
      double t = random.nextDouble();
      Tier tier = t < 0.3 ? Tier.BASIC : t < 0.8 ? Tier.STANDARD : Tier.PREMIUM;
      Language language = random.nextDouble() < 0.6 ? Language.BG : Language.EN;
      int slack = random.nextInt(MAX_SLACK_DAYS + 1);
      boolean sentBack = random.nextDouble() < SEND_BACK;
      boolean waits = random.nextDouble() < CLIENT_WAIT;
      double waitAt = 0.1 + 0.6 * random.nextDouble();
      int waitDays = 1 + random.nextInt(5);
      List<PlannedStage> plan = new ArrayList<>();
      plan.add(stage(random, service, tier, TASK_KICKOFF, MEDIAN_SHARE, true, 0, 0));
      plan.add(stage(random, service, tier, TASK_INTAKE, MEDIAN_SHARE, true, 0, 0));
      plan.add(stage(random, service, tier, TASK_DELIVERY, MEDIAN_SHARE, true, waits ? waitAt : 0, waits ? waitDays : 0));
      plan.add(stage(random, service, tier, TASK_QUALITY_REVIEW, MEDIAN_SHARE, !sentBack, 0, 0));
      if (sentBack) {
        // The rework addresses QA's findings: a fraction of the first round's work.
        plan.add(stage(random, service, tier, TASK_DELIVERY, 0.35, true, 0, 0));
        plan.add(stage(random, service, tier, TASK_QUALITY_REVIEW, MEDIAN_SHARE, true, 0, 0));
      }
      plan.add(stage(random, service, tier, TASK_HANDOVER, MEDIAN_SHARE, true, 0, 0));
      return new SimulatedCase(index, service, tier, language, openAt, slack, List.copyOf(plan), sentBack, waits);
    }

    private PlannedStage stage(java.util.Random random, String service, Tier tier, String stage, double medianShare,
        boolean approved, double waitAt, int waitDays) {
      double share = medianShare * Math.exp(SIGMA * random.nextGaussian());
      if (random.nextDouble() < TROUBLE) {
        share *= 1.5 + 1.5 * random.nextDouble();
      }
      long minutes = Math.max(10, Math.round(targets.of(service, tier, stage).toMinutes() * share));
      return new PlannedStage(stage, Duration.ofMinutes(minutes), approved, waitAt, waitDays);
    }
  }
}
