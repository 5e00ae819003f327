/**
 * A workload whose nodeSelector or required node affinity no node pool matches is not an input error
 * (its pods stay Pending, as in a cluster without such nodes), but when replaying real manifests it
 * is almost always a pool that lacks the label they name (node.kubernetes.io/instance-type,
 * karpenter.sh/capacity-type, a node group's own label...): warn at load time, naming the workload
 * and the field, the nodeSelector when it alone matches no pool. A pool's nodes carry its labels,
 * the kubelet's and cloud provider's well-known ones (well-known-node-labels.ts) and
 * kubernetes.io/hostname (src/cluster/model.ts newNode); terms and selectors on node names
 * (matchFields, or the hostname label) are not judged here, since which names a pool's nodes get
 * depends on the run.
 */
import { matchesNodeSelectorTerm } from '../../cluster/node-affinity.js';
import { matchesSelector } from '../../cluster/scheduling-filter.js';
import type { NodeSelectorTerm } from '../node-affinity-types.js';
import type { ProblemSink } from '../problem-sink.js';
import type { NodePoolSpec } from '../types.js';
import type { PodSource } from './pod-fit-warnings.js';

const HOSTNAME_LABEL = 'kubernetes.io/hostname';

/** Whether the term depends on a node's name, which this check does not know. */
function namesNodes(term: NodeSelectorTerm): boolean {
  return term.matchFields.length > 0 || term.matchExpressions.some((r) => r.key === HOSTNAME_LABEL);
}

export function warnAboutAffinityNoPoolMatches(sources: readonly PodSource[], pools: readonly NodePoolSpec[], sink: ProblemSink): void {
  if (pools.length === 0) return;
  for (const source of sources) {
    const selector = source.template.nodeSelector;
    const selectorKeys = Object.keys(selector);
    if (selectorKeys.length > 0 && !(HOSTNAME_LABEL in selector) && !pools.some((pool) => matchesSelector(selector, pool.labels))) {
      const missing = selectorKeys.find((key) => !pools.some((pool) => pool.labels[key] === selector[key])) ?? selectorKeys[0]!;
      sink.warn(
        source.ref.warning(
          [...source.path, 'spec', 'nodeSelector'],
          `no node pool matches the nodeSelector of ${source.label} (a pool's nodes carry its labels and the well-known kubernetes.io/os, kubernetes.io/arch and hostname labels): its pods will stay Pending`,
          `give the pool meant for them the labels the nodeSelector names, e.g. nodePools[].labels: {${missing}: ${selector[missing]}}`,
          { key: true },
        ),
      );
      continue;
    }
    const required = source.template.nodeAffinity?.required;
    if (required === undefined || required.some(namesNodes)) continue;
    if (pools.some((pool) => matchesSelector(selector, pool.labels) && required.some((term) => matchesNodeSelectorTerm(term, { name: pool.name, labels: pool.labels })))) continue;
    sink.warn(
      source.ref.warning(
        [...source.path, 'spec', 'affinity', 'nodeAffinity', 'requiredDuringSchedulingIgnoredDuringExecution'],
        `no node pool matches the required node affinity of ${source.label} (a pool's nodes carry its labels): its pods will stay Pending`,
        `give the pool meant for them the labels the affinity names, e.g. nodePools[].labels: {${firstKey(required)}: ...}`,
        { key: true },
      ),
    );
  }
}

function firstKey(terms: readonly NodeSelectorTerm[]): string {
  return terms.find((t) => t.matchExpressions.length > 0)?.matchExpressions[0]?.key ?? 'node.kubernetes.io/instance-type';
}
