/**
 * One ScaledJob at run time (pkg/scaling/executor/scale_jobs.go): every polling interval read the
 * triggers, combine them into a queue length and max scale, and create Jobs by the scaling strategy.
 * Each Job is one pod: when its container starts it takes `messagesPerJob` messages from its queue,
 * runs `runSeconds`, then succeeds and frees its node. History limits only bound what the real
 * controller keeps; jobs run and their waits are counted here.
 */
import { calculateScaledJobScale } from '../../autoscalers/keda/scaled-job-metrics.js';
import { planScaledJob } from '../../autoscalers/keda/scaled-job.js';
import { plainTargetValue } from '../../autoscalers/keda/metric-value.js';
import { findScaler } from '../../autoscalers/keda/scalers/registry.js';
import type { ParsedTrigger, ScaledJobSpec, ScalerDefinition } from '../../autoscalers/keda/types.js';
import type { Cluster } from '../../cluster/cluster.js';
import type { PodOwner, SimPod } from '../../cluster/model.js';
import { podRequests, type PodRequests } from '../../cluster/pod-requests.js';
import { podCreateForbidden } from '../../cluster/quota-ledger.js';
import { JOB_RATE_LIMIT, RateLimitedRequeue } from '../../cluster/rate-limited-requeue.js';
import { Phase } from '../../core/phases.js';
import type { Simulation } from '../../core/simulation.js';
import type { LoadFlow } from '../../engine/load-flow.js';
import { listensTo, type SimObserver } from '../../observe/observer.js';
import type { JobRunSpec, PodTemplateSpec } from '../../scenario/types.js';
import { triggerReader, type TriggerRead, type TriggerReadContext } from './trigger-reader.js';

export interface ScaledJobDeps {
  sim: Simulation;
  cluster: Cluster;
  owner: PodOwner;
  template: PodTemplateSpec;
  run: JobRunSpec;
  /** The queue the Jobs take their messages from. */
  queue: LoadFlow;
  /** Brings `queue` up to `nowSeconds` (its arrivals since the last event, and its consumers' work). */
  settleQueue(nowSeconds: number): void;
  observer: SimObserver;
  reads: TriggerReadContext;
}

export interface ScaledJobCounts {
  polls: number;
  jobsCreated: number;
  jobsSucceeded: number;
  messagesProcessed: number;
  /** Jobs that found work in the queue when they started. */
  pickups: number;
  peakParallelJobs: number;
  /** Σ over Jobs of the age of the oldest message when the Job took its work, seconds. */
  totalPickupWaitSeconds: number;
  maxPickupWaitSeconds: number;
}

interface TriggerRuntime {
  parsed: ParsedTrigger;
  scaler: ScalerDefinition;
  read: TriggerRead;
}

export class ScaledJobController {
  readonly counts: ScaledJobCounts = {
    polls: 0,
    jobsCreated: 0,
    jobsSucceeded: 0,
    messagesProcessed: 0,
    pickups: 0,
    peakParallelJobs: 0,
    totalPickupWaitSeconds: 0,
    maxPickupWaitSeconds: 0,
  };
  private readonly unfinished = new Set<SimPod>();
  /** Jobs whose pod a ResourceQuota refused, by name: each waits for the Job controller's rate-limited retry. */
  private readonly podless = new Map<string, RateLimitedRequeue>();
  private readonly started = new Set<SimPod>();
  private readonly triggers: TriggerRuntime[];
  /** What each Job's pod asks for (one template: made once). */
  private readonly requests: PodRequests;

  constructor(
    readonly spec: ScaledJobSpec,
    private readonly deps: ScaledJobDeps,
  ) {
    this.requests = podRequests(deps.template);
    this.triggers = spec.triggers.map((t) => {
      const scaler = findScaler(t.type);
      if (scaler === undefined) throw new Error(`ScaledJob ${spec.name}: unknown trigger type ${t.type}`);
      const parsed = scaler.parse(t);
      if (!parsed.ok) throw new Error(`ScaledJob ${spec.name} trigger ${t.index}: ${parsed.problems.map((p) => p.message).join('; ')}`);
      return { parsed: parsed.trigger, scaler, read: triggerReader(deps.reads, spec.name, t.index, parsed.trigger) };
    });
  }

  /** Jobs created and not finished (pending or running), those still without a pod included. */
  get unfinishedCount(): number {
    return this.unfinished.size + this.podless.size;
  }

  /** Jobs whose container runs. */
  get runningCount(): number {
    return this.started.size;
  }

  start(firstPollSeconds: number): void {
    const { sim } = this.deps;
    sim.every(firstPollSeconds, this.spec.pollingIntervalSeconds, Phase.CONTROL, `keda-job/${this.spec.name}`, () => this.poll(sim.nowSeconds));
  }

  poll(nowSeconds: number): void {
    const results = this.triggers.map((t) => ({ t, r: t.scaler.read(t.parsed, t.read(nowSeconds)) }));
    const scale = calculateScaledJobScale(
      results.map(({ t, r }) => ({
        queueLength: r.metricValue,
        targetAverageValue: t.parsed.hpaTarget.type === 'AverageValue' ? (plainTargetValue(t.parsed.hpaTarget) ?? 0) : 0,
        isActive: r.isActive,
        ...(r.error !== undefined ? { error: r.error } : {}),
      })),
      { ...this.spec, multipleScalersCalculation: this.spec.scalingStrategy.multipleScalersCalculation },
    );
    const running = this.unfinishedCount;
    const pending = [...this.unfinished].filter((p) => !this.started.has(p)).length + this.podless.size;
    const plan = planScaledJob({
      spec: this.spec,
      isActive: scale.isActive,
      queueLength: scale.queueLength,
      maxScale: scale.maxScale,
      runningJobCount: running,
      pendingJobCount: pending,
    });
    for (let i = 0; i < plan.jobsToCreate; i++) this.createJob();
    this.counts.polls++;
    if (!listensTo(this.deps.observer, 'kedaDecision')) return;
    this.deps.observer.kedaDecision?.({
      timeSeconds: nowSeconds,
      scaledObject: this.spec.name,
      target: `jobs/${this.spec.jobTemplateName}`,
      specReplicas: running,
      statusReplicas: running,
      readyPods: this.started.size,
      triggers: results.map(({ t, r }, i) => ({
        name: this.spec.triggers[i]?.name ?? t.parsed.type,
        value: r.error === undefined ? String(r.metricValue) : '',
        active: r.isActive,
        reason: r.error ?? r.reason,
      })),
      active: scale.isActive ? 'True' : 'False',
      reason: `${plan.reason}; ${scale.reason}`,
      ...(plan.jobsToCreate > 0 ? { scaleTo: running + plan.jobsToCreate } : {}),
    });
  }

  /** Job pods report their lifecycle here: a started container takes its work and runs. */
  podChanged(pod: SimPod): void {
    if (!this.unfinished.has(pod) || this.started.has(pod)) return;
    if (pod.phase !== 'Running' || pod.containerStartSeconds === undefined) return;
    const { sim, queue, run, cluster } = this.deps;
    const now = sim.nowSeconds;
    this.started.add(pod);
    // The messages that arrived since the queue's last event are there for the Job to take.
    this.deps.settleQueue(now);
    const wait = queue.oldestMessageAgeSeconds(now);
    const taken = queue.take(run.messagesPerJob, now);
    if (taken > 0) {
      this.counts.pickups++;
      this.counts.totalPickupWaitSeconds += wait;
      this.counts.maxPickupWaitSeconds = Math.max(this.counts.maxPickupWaitSeconds, wait);
      this.counts.messagesProcessed += taken;
    }
    this.counts.peakParallelJobs = Math.max(this.counts.peakParallelJobs, this.started.size);
    sim.scheduleAfter(run.runSeconds, Phase.LIFECYCLE, `job/${pod.name}`, () => {
      queue.acknowledge(taken);
      this.unfinished.delete(pod);
      this.started.delete(pod);
      this.counts.jobsSucceeded++;
      cluster.finishPod(pod, 'Succeeded');
    });
  }

  private createJob(): void {
    this.createJobPod(`${this.spec.name}-${(this.counts.jobsCreated++).toString(36).padStart(5, '0')}`);
  }

  /**
   * The Job controller creating Job `name`'s pod. Refused by a ResourceQuota, the Job reports
   * FailedCreate and its key waits 1 s, doubling to 60 s (rate-limited-requeue.ts JOB_RATE_LIMIT).
   */
  private createJobPod(name: string): void {
    const { cluster, owner, template, sim } = this.deps;
    const admission = cluster.quotas?.admit(owner.namespace, template);
    if (admission !== undefined && !admission.admitted) {
      let requeue = this.podless.get(name);
      if (requeue === undefined) {
        requeue = new RateLimitedRequeue(sim, JOB_RATE_LIMIT, `job/${name}`, () => this.createJobPod(name));
        this.podless.set(name, requeue);
      }
      const message = `Error creating: ${podCreateForbidden(name, admission.message)}`;
      cluster.quotas?.createFailed(owner, { controller: 'job-controller', object: name, pods: 1, quota: admission.quota.name, message });
      requeue.failed();
      return;
    }
    this.podless.delete(name);
    this.unfinished.add(cluster.createPod(owner, template, this.requests, name));
  }
}
