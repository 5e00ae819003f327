/**
 * kube-scheduler's DefaultPreemption PostFilter (pkg/scheduler/framework/plugins/defaultpreemption
 * default_preemption.go; the evaluator in pkg/scheduler/framework/preemption/preemption.go), run when
 * a pod no node fits:
 * - PodEligibleToPreemptOthers: not with preemptionPolicy Never, nor while a lower-priority pod this
 *   pod's earlier preemption evicted still terminates on its nominated node (unless that node now
 *   fails the pod as UnschedulableAndUnresolvable);
 * - findCandidates: only nodes whose failure removing pods could help (nodesWherePreemptionMightHelp
 *   skips UnschedulableAndUnresolvable: nodeSelector and node affinity, taints, a virtual node's pod
 *   sizes, a missing topology key, AffinityRulesNotMatch); the dry run starts at a random offset (GetOffsetAndNumCandidates, drawn from the
 *   seeded scheduler stream) and stops once it has a candidate without PDB violations and
 *   numCandidates in all (calculateNumCandidates: 10% of the nodes, at least 100);
 * - SelectVictimsOnNode: remove every lower-priority pod, check the pod fits (with the nominated
 *   pods of priority ≥ its own), then reprieve as many as possible, PDB-violating ones first, each
 *   group from the most important (util.MoreImportantPod);
 * - pickOneNodeForPreemption: fewest PDB violations, lowest highest-victim priority, smallest sum of
 *   priorities (each + 2^31), fewest victims, latest earliest start time of the highest-priority
 *   victims, then the first. Upstream lists the candidates from a Go map (random order); here they
 *   keep the dry run's order, candidates without violations first, so the last tie is deterministic.
 * The victims' removal is checked against NodeResourcesFit (requests, pod count) with the nominated
 * pods, and against PodTopologySpread and InterPodAffinity with the victims taken out of their counts
 * (RemovePod) and the nominated pods put in (AddPod), with and without them (preemption-count-filters.ts).
 */
import type { RandomStream } from '../core/rng.js';
import type { SimNode, SimPod } from './model.js';
import type { Nominator } from './nominator.js';
import { NO_COUNT_FILTERS, type PreemptionCountFilters } from './preemption-count-filters.js';
import { moreImportantPod, mayPreempt, podPriority } from './pod-priority.js';
import { filterNode, matchesSelector, type FilterReason } from './scheduling-filter.js';

/** DefaultPreemptionArgs defaults (pkg/scheduler/apis/config/v1 defaults.go). */
export const MIN_CANDIDATE_NODES_PERCENTAGE = 10;
export const MIN_CANDIDATE_NODES_ABSOLUTE = 100;

/** What the preemption needs of a PodDisruptionBudget: its pods and status.disruptionsAllowed. */
export interface PreemptionPdb {
  namespace: string;
  selector: Readonly<Record<string, string>>;
  disruptionsAllowed: number;
}

export interface Victims {
  /** Most important first. */
  pods: SimPod[];
  numPdbViolations: number;
}

export interface Candidate {
  node: SimNode;
  victims: Victims;
}

export interface PreemptionContext {
  nominator: Nominator;
  pdbs: readonly PreemptionPdb[];
  random: RandomStream;
  nowSeconds: number;
  /** Pods an earlier preemption evicted (their DisruptionTarget condition, reason PreemptionByScheduler). */
  preempted: WeakSet<SimPod>;
  /** PodTopologySpread (the pod's DoNotSchedule constraints) and InterPodAffinity, with the victims taken out of their counts (preemption-count-filters.ts). */
  countFilters: PreemptionCountFilters;
}

export type PreemptionResult =
  | { outcome: 'preempted'; node: SimNode; victims: SimPod[] }
  | { outcome: 'not-eligible' | 'no-candidate'; reason: string };

/** calculateNumCandidates. */
export function numCandidates(numNodes: number): number {
  let n = Math.trunc((numNodes * MIN_CANDIDATE_NODES_PERCENTAGE) / 100);
  if (n < MIN_CANDIDATE_NODES_ABSOLUTE) n = MIN_CANDIDATE_NODES_ABSOLUTE;
  return Math.min(n, numNodes);
}

/** Filter failures that removing pods can help (Unschedulable, not UnschedulableAndUnresolvable). */
function preemptionMightHelp(reason: FilterReason): boolean {
  return reason === 'TooManyPods' || reason === 'InsufficientCpu' || reason === 'InsufficientMemory' || reason === 'Fits';
}

/**
 * Whether the failed cycle's status for `node` is UnschedulableAndUnresolvable: its first failing
 * filter in the default plugin order (the plain filters, NodeResourcesFit with the nominated pods,
 * then PodTopologySpread and InterPodAffinity) is one removing pods cannot help.
 */
function unresolvable(pod: SimPod, node: SimNode, nominator: Nominator, countFilters: PreemptionCountFilters): boolean {
  const reason = filterNode(pod, node);
  if (reason !== 'Fits') return !preemptionMightHelp(reason);
  if (nominator.fitsWithNominated(pod, node) !== 'Fits') return false;
  return countFilters.unresolvable(node);
}

/** PodEligibleToPreemptOthers. */
export function eligibleToPreemptOthers(
  pod: SimPod,
  nominator: Nominator,
  preempted: WeakSet<SimPod>,
  countFilters: PreemptionCountFilters = NO_COUNT_FILTERS,
): { eligible: boolean; reason: string } {
  if (!mayPreempt(pod)) return { eligible: false, reason: 'not eligible due to preemptionPolicy=Never.' };
  const nominated = nominator.nominatedNode(pod);
  // A nominated node the filters now reject for good (a taint, a selector, AffinityRulesNotMatch) does not hold the pod back.
  if (nominated !== undefined && !nominated.removed && !unresolvable(pod, nominated, nominator, countFilters)) {
    const priority = podPriority(pod);
    for (const other of nominated.pods) {
      if (podPriority(other) < priority && other.deletionSeconds !== undefined && preempted.has(other)) {
        return { eligible: false, reason: 'not eligible due to a terminating pod on the nominated node.' };
      }
    }
  }
  return { eligible: true, reason: '' };
}

/**
 * filterPodsWithPDBViolation: splits `pods` (order kept) by whether evicting them, in order, takes
 * some budget below zero. A pod without labels matches no budget, nor does an empty selector.
 */
export function filterPodsWithPdbViolation(pods: readonly SimPod[], pdbs: readonly PreemptionPdb[]): { violating: SimPod[]; nonViolating: SimPod[] } {
  const allowed = pdbs.map((p) => p.disruptionsAllowed);
  const violating: SimPod[] = [];
  const nonViolating: SimPod[] = [];
  for (const pod of pods) {
    let violated = false;
    const labels = pod.template.labels;
    if (Object.keys(labels).length > 0) {
      pdbs.forEach((pdb, i) => {
        if (pdb.namespace !== pod.owner.namespace || Object.keys(pdb.selector).length === 0 || !matchesSelector(pdb.selector, labels)) return;
        allowed[i]!--;
        if (allowed[i]! < 0) violated = true;
      });
    }
    (violated ? violating : nonViolating).push(pod);
  }
  return { violating, nonViolating };
}

function byImportance(nowSeconds: number): (a: SimPod, b: SimPod) => number {
  return (a, b) => (moreImportantPod(a, b, nowSeconds) ? -1 : moreImportantPod(b, a, nowSeconds) ? 1 : 0);
}

/**
 * SelectVictimsOnNode: the fewest lower-priority pods of `node` whose removal lets `pod` fit
 * (`fits` gets the pods removed so far); undefined when none are lower or removing all is not enough.
 */
export function selectVictimsOnNode(
  pod: SimPod,
  node: SimNode,
  pdbs: readonly PreemptionPdb[],
  fits: (removed: ReadonlySet<SimPod>) => boolean,
  nowSeconds: number,
): Victims | undefined {
  const priority = podPriority(pod);
  const potential = node.pods.filter((p) => podPriority(p) < priority);
  if (potential.length === 0) return undefined;
  const removed = new Set(potential);
  if (!fits(removed)) return undefined;
  const order = byImportance(nowSeconds);
  potential.sort(order);
  const { violating, nonViolating } = filterPodsWithPdbViolation(potential, pdbs);
  const victims: SimPod[] = [];
  const reprieve = (p: SimPod): boolean => {
    removed.delete(p);
    if (fits(removed)) return true;
    removed.add(p);
    victims.push(p);
    return false;
  };
  let numPdbViolations = 0;
  for (const p of violating) if (!reprieve(p)) numPdbViolations++;
  for (const p of nonViolating) reprieve(p);
  if (violating.length > 0 && nonViolating.length > 0) victims.sort(order);
  // Success with no victim is an error upstream ("expected at least one victim pod"): not a candidate.
  return victims.length === 0 ? undefined : { pods: victims, numPdbViolations };
}

/** GetEarliestPodStartTime: the earliest start among the victims of the highest priority (unstarted = now). */
function earliestStartOfHighest(victims: readonly SimPod[], nowSeconds: number): number {
  let maxPriority = podPriority(victims[0]!);
  let earliest = victims[0]!.startTimeSeconds ?? nowSeconds;
  for (const p of victims) {
    const priority = podPriority(p);
    const start = p.startTimeSeconds ?? nowSeconds;
    if (priority === maxPriority) earliest = Math.min(earliest, start);
    else if (priority > maxPriority) {
      maxPriority = priority;
      earliest = start;
    }
  }
  return earliest;
}

/** 2^31: added to each priority so that every term of the sum is ≥ 0 (math.MaxInt32 + 1). */
const PRIORITY_OFFSET = 2 ** 31;

/** pickOneNodeForPreemption over `candidates` (each with victims, most important first). */
export function pickOneNodeForPreemption(candidates: readonly Candidate[], nowSeconds: number): Candidate | undefined {
  if (candidates.length === 0) return undefined;
  const scores: ((c: Candidate) => number)[] = [
    (c) => -c.victims.numPdbViolations,
    (c) => -podPriority(c.victims.pods[0]!),
    (c) => -c.victims.pods.reduce((sum, p) => sum + podPriority(p) + PRIORITY_OFFSET, 0),
    (c) => -c.victims.pods.length,
    (c) => earliestStartOfHighest(c.victims.pods, nowSeconds),
  ];
  let remaining = candidates;
  for (const score of scores) {
    let best = Number.NEGATIVE_INFINITY;
    let selected: Candidate[] = [];
    for (const c of remaining) {
      const s = score(c);
      if (s > best) {
        best = s;
        selected = [];
      }
      if (s === best) selected.push(c);
    }
    if (selected.length === 1) return selected[0];
    remaining = selected;
  }
  return remaining[0];
}

/**
 * The dry run (DryRunPreemption, sequential): from a random offset over the nodes where preemption
 * might help, until a candidate without PDB violations is found and numCandidates are.
 */
export function findCandidates(pod: SimPod, nodes: readonly SimNode[], ctx: PreemptionContext): Candidate[] {
  const potential: SimNode[] = [];
  for (const node of nodes) if (!unresolvable(pod, node, ctx.nominator, ctx.countFilters)) potential.push(node);
  if (potential.length === 0) return [];
  const offset = ctx.random.int(potential.length);
  const wanted = numCandidates(potential.length);
  const nonViolating: Candidate[] = [];
  const violating: Candidate[] = [];
  for (let i = 0; i < potential.length; i++) {
    const node = potential[(offset + i) % potential.length]!;
    const fits = (removed: ReadonlySet<SimPod>) => ctx.nominator.fitsWithNominated(pod, node, removed) === 'Fits' && ctx.countFilters.fitsWithout(node, removed);
    const victims = selectVictimsOnNode(pod, node, ctx.pdbs, fits, ctx.nowSeconds);
    if (victims === undefined) continue;
    (victims.numPdbViolations === 0 ? nonViolating : violating).push({ node, victims });
    if (nonViolating.length > 0 && nonViolating.length + violating.length >= wanted) break;
  }
  return [...nonViolating, ...violating];
}

/**
 * Evaluator.Preempt for `pod`, which no node fits: the node to nominate and the victims to delete,
 * or why there is none. The caller deletes the victims, marks them preempted, nominates the pod and
 * clears the nominations of lower-priority pods on that node (prepareCandidate).
 */
export function preempt(pod: SimPod, nodes: readonly SimNode[], ctx: PreemptionContext): PreemptionResult {
  const eligible = eligibleToPreemptOthers(pod, ctx.nominator, ctx.preempted, ctx.countFilters);
  if (!eligible.eligible) return { outcome: 'not-eligible', reason: eligible.reason };
  const candidates = findCandidates(pod, nodes, ctx);
  const best = candidates.length === 1 ? candidates[0] : pickOneNodeForPreemption(candidates, ctx.nowSeconds);
  if (best === undefined) return { outcome: 'no-candidate', reason: 'No preemption victims found for incoming pod.' };
  return { outcome: 'preempted', node: best.node, victims: best.victims.pods };
}
