/**
 * The matching-pod counts of explicit topology spread constraints, kept as pods bind, start
 * terminating and go, so that a scheduling cycle does not walk every node's pods
 * (podtopologyspread/common.go countPodsMatchSelector: pods of the incoming pod's namespace whose
 * labels the constraint's selector matches, terminating ones skipped, #87621).
 *
 * Pods here carry their template's labels, so every pod of one template of one owner (a
 * SpreadSource) matches the same selectors. One SpreadGroup counts per distinct selector and
 * namespace; each source feeds the counts of every selector that matches its labels, whichever
 * workload the selector came from. A selector registered after pods of a matching source were bound
 * is filled from those pods at once, so the counts are always those a walk would give.
 *
 * matchLabelKeys (common.go filterTopologySpreadConstraints, mergeLabelSetWithSelector) adds the
 * incoming pod's value of each key it carries to the selector. The revision labels the controllers
 * add, pod-template-hash (a Deployment's ReplicaSet) and controller-revision-hash (a StatefulSet),
 * are not on the templates: each simulated workload part has one revision, so such a key selects
 * the pods of the pod's own source. Other keys come from the template's labels; a key the pod
 * lacks is skipped, as upstream.
 */
import type { LabelSelectorSpec, PodTemplateSpec, TopologySpreadConstraintSpec } from '../scenario/types.js';
import { labelSelectorKey, matchesLabelSelector } from './label-selector.js';
import type { PodOwner } from './model.js';
import type { OwnerPods } from './owner-pods.js';
import { SpreadGroup } from './topology-spread-counts.js';
import type { SpreadFilterConstraint } from './topology-spread-filter.js';

/** The label holding a pod's revision, by its workload's kind (inter-pod-affinity-terms.ts reads it too). */
export const REVISION_LABEL: Readonly<Record<string, string>> = { Deployment: 'pod-template-hash', StatefulSet: 'controller-revision-hash' };

/** Which pods a resolved constraint counts (matchLabelKeys merged in). */
export interface SpreadSelectorSpec {
  namespace: string;
  /** undefined: no labelSelector, which selects no pod. */
  labels: LabelSelectorSpec | undefined;
  /** Only the pods of the source with this id (a revision label in matchLabelKeys). */
  revision: number | undefined;
}

/** A constraint of the incoming pod with its selector's counts. */
export interface ResolvedSpreadConstraint extends SpreadFilterConstraint {
  selector: SpreadSelectorSpec;
  /** The pods the constraint's selector matches, per node (bound, not terminating, the pod's namespace). */
  counts: SpreadGroup;
}

/** A template's explicit constraints, split as the plugin splits them. */
export interface ExplicitSpread {
  /** whenUnsatisfiable DoNotSchedule, in manifest order (Filter). */
  filter: ResolvedSpreadConstraint[];
  /** whenUnsatisfiable ScheduleAnyway, in manifest order (Score). */
  score: ResolvedSpreadConstraint[];
}

/** The pods of one template of one owner: the counts their labels feed, and their own constraints. */
export class SpreadSource {
  /** The counts of every registered selector that matches these pods' labels. */
  readonly feeds: SpreadGroup[] = [];
  explicit: ExplicitSpread | undefined = undefined;
  /** Some selector names this source's revision (its pods' pod-template-hash or controller-revision-hash). */
  revisionSelected = false;

  constructor(
    /** Unique among the sources of a cluster: the revision a selector names. */
    readonly id: number,
    readonly owner: PodOwner,
    readonly template: PodTemplateSpec,
  ) {}
}

interface SelectorEntry {
  selector: SpreadSelectorSpec;
  counts: SpreadGroup;
}

/**
 * countPodsMatchSelector's test of pods by what they share (a terminating pod is the caller's to
 * leave out): the selector's namespace, its revision when it names one, and its labels.
 */
export function spreadSelectorMatches(
  selector: { namespace: string; labels: LabelSelectorSpec | undefined; revision?: number | undefined },
  namespace: string,
  revision: number | undefined,
  labels: Readonly<Record<string, string>>,
): boolean {
  return (
    selector.labels !== undefined &&
    namespace === selector.namespace &&
    (selector.revision === undefined || revision === selector.revision) &&
    matchesLabelSelector(selector.labels, labels)
  );
}

/** Counts of a selector that selects nothing (no labelSelector): never fed. */
const NOTHING = new SpreadGroup();

export class SpreadSelectors {
  private readonly byTemplate = new Map<PodTemplateSpec, SpreadSource[]>();
  private readonly sources: SpreadSource[] = [];
  private readonly entries = new Map<string, SelectorEntry>();

  /** @param owners each owner's pods, for a selector registered after pods it matches were bound. */
  constructor(private readonly owners: OwnerPods) {}

  /** The source of `owner`'s pods made from `template`, made (and its constraints resolved) the first time. */
  sourceFor(owner: PodOwner, template: PodTemplateSpec): SpreadSource {
    const list = this.byTemplate.get(template);
    if (list !== undefined) {
      for (const s of list) if (s.owner.index === owner.index) return s;
    }
    const source = new SpreadSource(this.sources.length, owner, template);
    if (list === undefined) this.byTemplate.set(template, [source]);
    else list.push(source);
    this.sources.push(source);
    for (const entry of this.entries.values()) if (selects(entry, source)) source.feeds.push(entry.counts);
    const constraints = template.topologySpreadConstraints;
    if (constraints !== undefined) source.explicit = this.resolve(source, constraints);
    return source;
  }

  private resolve(source: SpreadSource, constraints: readonly TopologySpreadConstraintSpec[]): ExplicitSpread {
    const explicit: ExplicitSpread = { filter: [], score: [] };
    for (const c of constraints) {
      const { labels, revision } = mergeMatchLabelKeys(c, source);
      if (revision !== undefined) source.revisionSelected = true;
      const resolved: ResolvedSpreadConstraint = {
        topologyKey: c.topologyKey,
        maxSkew: c.maxSkew,
        minDomains: c.minDomains,
        nodeAffinityPolicy: c.nodeAffinityPolicy,
        nodeTaintsPolicy: c.nodeTaintsPolicy,
        selfMatch: labels !== undefined && matchesLabelSelector(labels, source.template.labels),
        selector: { namespace: source.owner.namespace, labels, revision: revision?.id },
        counts: labels === undefined ? NOTHING : this.countsFor(source.owner.namespace, labels, revision),
      };
      (c.whenUnsatisfiable === 'DoNotSchedule' ? explicit.filter : explicit.score).push(resolved);
    }
    return explicit;
  }

  /** The counts of a selector in a namespace, registered (and filled from the pods counted now) the first time. */
  private countsFor(namespace: string, labels: LabelSelectorSpec, revision: SpreadSource | undefined): SpreadGroup {
    const key = JSON.stringify([namespace, labelSelectorKey(labels), revision === undefined ? -1 : revision.id]);
    const known = this.entries.get(key);
    if (known !== undefined) return known.counts;
    const entry: SelectorEntry = { selector: { namespace, labels, revision: revision?.id }, counts: new SpreadGroup() };
    this.entries.set(key, entry);
    for (const source of this.sources) {
      if (!selects(entry, source)) continue;
      source.feeds.push(entry.counts);
      // The source's pods that count now: bound, not terminating, not gone.
      for (const pod of this.owners.list(source.owner)) {
        if (pod.spreadSource === source && pod.node !== undefined && pod.deletionSeconds === undefined && !pod.removed) entry.counts.count(pod.node, 1);
      }
    }
    return entry.counts;
  }
}

function selects(entry: SelectorEntry, source: SpreadSource): boolean {
  return spreadSelectorMatches(entry.selector, source.owner.namespace, source.id, source.template.labels);
}

/** The selector with the pod's matchLabelKeys values merged in (undefined: no labelSelector, nothing selected). */
function mergeMatchLabelKeys(c: TopologySpreadConstraintSpec, source: SpreadSource): { labels: LabelSelectorSpec | undefined; revision: SpreadSource | undefined } {
  if (c.labelSelector === undefined || c.matchLabelKeys.length === 0) return { labels: c.labelSelector, revision: undefined };
  const revisionLabel = source.owner.kind === undefined ? undefined : REVISION_LABEL[source.owner.kind];
  const podLabels = source.template.labels;
  const extra: Record<string, string> = {};
  let revision: SpreadSource | undefined;
  for (const key of c.matchLabelKeys) {
    if (key === revisionLabel) revision = source;
    else if (Object.hasOwn(podLabels, key)) extra[key] = podLabels[key]!;
  }
  const labels = Object.keys(extra).length === 0 ? c.labelSelector : { matchLabels: { ...extra, ...c.labelSelector.matchLabels }, matchExpressions: c.labelSelector.matchExpressions };
  return { labels, revision };
}
