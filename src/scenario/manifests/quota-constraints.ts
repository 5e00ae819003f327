/**
 * What the ResourceQuota admission would refuse for every pod of a template, checked once every
 * manifest is read (after LimitRanger and the Priority plugin, which run before it upstream and
 * may set the requests and the priorityClassName a quota looks at):
 * - Constraints: a quota of the pod's namespace that counts the pod and tracks cpu or memory
 *   (requests or limits) needs every container and init container to set that value
 *   ("failed quota: compute: must specify requests.cpu for: app");
 * - a pod that alone uses more than a quota allows ("exceeded quota: …, used: requests.cpu=0").
 * Either way the workload's controller could never create a pod (its ReplicaSet or Job reports
 * FailedCreate for ever), so the scenario is refused, as LimitRanger's constraints are.
 * Refusals that depend on the other pods (the quota full at the time) happen during the run
 * (cluster/quota-ledger.ts).
 */
import { ascending } from 'd3-array';
import { admitByQuotas, missingQuotaResources, podQuotaUsage, quotaCountsPod } from '../../cluster/quota-usage.js';
import type { ProblemSink } from '../problem-sink.js';
import { admittedTemplates, containersOf } from './admitted-templates.js';
import type { ManifestSet, ResourceQuotaEntry } from './manifest-set.js';

/** The quotas in the order the admission checks them here: by namespace, then name. */
export function orderedQuotas(manifests: ManifestSet): ResourceQuotaEntry[] {
  const key = (q: ResourceQuotaEntry): string => `${q.spec.namespace}/${q.spec.name}`;
  return [...manifests.resourceQuotas].sort((a, b) => ascending(key(a), key(b)));
}

export function checkQuotaConstraints(manifests: ManifestSet, sink: ProblemSink): void {
  if (manifests.resourceQuotas.length === 0) return;
  const quotas = orderedQuotas(manifests);
  for (const admitted of admittedTemplates(manifests)) {
    const counting = quotas.filter((q) => q.spec.namespace === admitted.namespace && quotaCountsPod(q.spec, admitted.template));
    for (const quota of counting) {
      const missing = missingQuotaResources(quota.spec, admitted.template);
      if (missing === undefined) continue;
      // Point at the first container that lacks a value.
      const first = containersOf(admitted).find(({ container }) => container.name === missing.containers[0])!;
      sink.error(
        admitted.ref.problem([...first.path, 'resources'], `pods of ${admitted.owner} would be forbidden: failed quota: ${quota.spec.name}: ${missing.message}`, `ResourceQuota ${quota.spec.name} counts cpu or memory, so every container must set it; set it, or give namespace ${admitted.namespace} a LimitRange with defaults`),
      );
    }
    const usage = podQuotaUsage(admitted.template);
    for (const quota of counting) {
      const alone = admitByQuotas([{ spec: quota.spec, used: {} }], usage);
      if (alone.admitted) continue;
      sink.error(
        quota.ref.problem(['spec', 'hard', alone.exceeded[0]!], `no pod of ${admitted.owner} can be created: ${alone.message}`, 'one pod alone uses more than the quota allows; raise spec.hard or lower the pod\'s requests'),
      );
    }
  }
}
