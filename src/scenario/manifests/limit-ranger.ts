/**
 * The LimitRanger admission plugin on the pods each workload's controller creates
 * (plugin/pkg/admission/limitranger/admission.go), applied to the pod templates once every
 * manifest is read:
 * - mutation, for every LimitRange of the pod's namespace (in name order; upstream takes the
 *   lister's order): its Container items' default limits and default requests fill what a
 *   container or init container does not set (defaultContainerResourceRequirements,
 *   mergeContainerResources: only missing values are set, so the first LimitRange to set one wins).
 *   This runs after the API's own defaulting, which already requested a limited-but-unrequested
 *   resource at its limit (pod-template.ts effectiveResources);
 * - validation, for every LimitRange (PodValidateLimitFunc): per container and init container for
 *   Container items (minConstraint, maxConstraint, limitRequestRatioConstraint), on the pod's
 *   requests and limits for Pod items (the sidecar-aware sum, as pod-requests.ts).
 * A pod that breaks a constraint is forbidden, so its ReplicaSet (or Job) could never create one
 * (FailedCreate): the scenario is refused at the container's field with upstream's message.
 * Defaults set here are ordinary requests and limits from then on: the HPA divides by them, the
 * scheduler fits them, a default CPU limit caps the pod's CPU.
 */
import { ascending } from 'd3-array';
import { effectiveContainerRequest } from '../../cluster/pod-requests.js';
import type { ProblemSink } from '../problem-sink.js';
import type { FieldPath } from '../yaml/field-path.js';
import { LIMITED_RESOURCES, quantityText, type LimitRangeEntry, type LimitRangeItemSpec, type LimitedResource } from './limit-range.js';
import type { ManifestSet } from './manifest-set.js';
import { admittedTemplates, containersOf, type AdmittedTemplate } from './admitted-templates.js';

type Amount = number | undefined;

const REQUEST: Record<LimitedResource, 'cpuRequestMillicores' | 'memoryRequestBytes'> = { cpu: 'cpuRequestMillicores', memory: 'memoryRequestBytes' };
const LIMIT: Record<LimitedResource, 'cpuLimitMillicores' | 'memoryLimitBytes'> = { cpu: 'cpuLimitMillicores', memory: 'memoryLimitBytes' };

/** Applies every namespace's LimitRanges to the templates of its workloads and ScaledJobs; problems go to `sink`. */
export function admitLimitRanges(manifests: ManifestSet, sink: ProblemSink): void {
  if (manifests.limitRanges.length === 0) return;
  const ranges = [...manifests.limitRanges].sort((a, b) => ascending(a.name, b.name));
  const templates = admittedTemplates(manifests);
  for (const admitted of templates) {
    const applying = ranges.filter((r) => r.namespace === admitted.namespace);
    for (const range of applying) mutate(admitted, range);
    if (applying.length > 0) checkRequestsWithinLimits(admitted, sink);
    for (const range of applying) validate(admitted, range, sink);
  }
}

/**
 * The pod's own validation after admission (ValidateResourceRequirements): a default limit below a
 * request the container sets makes the pod invalid ("must be less than or equal to cpu limit").
 */
function checkRequestsWithinLimits(admitted: AdmittedTemplate, sink: ProblemSink): void {
  for (const { container, path } of containersOf(admitted)) {
    for (const r of LIMITED_RESOURCES) {
      const request = container[REQUEST[r]];
      const limit = container[LIMIT[r]];
      if (request === undefined || limit === undefined || request <= limit) continue;
      sink.error(
        admitted.ref.problem(
          [...path, 'resources', 'requests', r],
          `pods of ${admitted.owner} would be invalid: ${quantityText(r, request)} must be less than or equal to ${r} limit of ${quantityText(r, limit)} (the limit is the default of a LimitRange)`,
          'set a limit on the container, or raise the LimitRange default',
        ),
      );
    }
  }
}

function mutate(admitted: AdmittedTemplate, range: LimitRangeEntry): void {
  // defaultContainerResourceRequirements: a later Container item's value replaces an earlier one's.
  const limits: Partial<Record<LimitedResource, number>> = {};
  const requests: Partial<Record<LimitedResource, number>> = {};
  for (const item of range.items) {
    if (item.type !== 'Container') continue;
    Object.assign(limits, item.default);
    Object.assign(requests, item.defaultRequest);
  }
  for (const { container } of containersOf(admitted)) {
    for (const r of LIMITED_RESOURCES) {
      if (container[LIMIT[r]] === undefined && limits[r] !== undefined) container[LIMIT[r]] = limits[r];
      if (container[REQUEST[r]] === undefined && requests[r] !== undefined) container[REQUEST[r]] = requests[r];
    }
  }
}

/** minConstraint, maxConstraint and limitRequestRatioConstraint for one resource; the first failure's message. */
function limitViolation(item: LimitRangeItemSpec, r: LimitedResource, request: Amount, limit: Amount): string | undefined {
  const per = item.type;
  const q = (v: number): string => quantityText(r, v);
  const min = item.min[r];
  if (min !== undefined) {
    if (request === undefined) return `minimum ${r} usage per ${per} is ${q(min)}.  No request is specified`;
    if (request < min) return `minimum ${r} usage per ${per} is ${q(min)}, but request is ${q(request)}`;
    if (limit !== undefined && limit < min) return `minimum ${r} usage per ${per} is ${q(min)}, but limit is ${q(limit)}`;
  }
  const max = item.max[r];
  if (max !== undefined) {
    if (limit === undefined) return `maximum ${r} usage per ${per} is ${q(max)}.  No limit is specified`;
    if (limit > max) return `maximum ${r} usage per ${per} is ${q(max)}, but limit is ${q(limit)}`;
    if (request !== undefined && request > max) return `maximum ${r} usage per ${per} is ${q(max)}, but request is ${q(request)}`;
  }
  const ratio = item.maxLimitRequestRatio[r];
  if (ratio !== undefined) {
    if (request === undefined || request === 0) return `${r} max limit to request ratio per ${per} is ${ratio}, but no request is specified or request is 0`;
    if (limit === undefined || limit === 0) return `${r} max limit to request ratio per ${per} is ${ratio}, but no limit is specified or limit is 0`;
    if (limit / request > ratio) return `${r} max limit to request ratio per ${per} is ${ratio}, but provided ratio is ${(limit / request).toFixed(6)}`;
  }
  return undefined;
}

function validate(admitted: AdmittedTemplate, range: LimitRangeEntry, sink: ProblemSink): void {
  const forbidden = (path: FieldPath, reason: string): void => {
    const at = range.ref.position();
    sink.error(
      admitted.ref.problem(
        path,
        `pods of ${admitted.owner} would be forbidden by LimitRange ${range.name} (${at.file}:${at.line}): ${reason}`,
        'a real cluster refuses every such pod (the ReplicaSet or Job reports FailedCreate); change the resources or the LimitRange',
      ),
    );
  };
  const { template } = admitted;
  for (const item of range.items) {
    if (item.type === 'Container') {
      for (const { container, path } of containersOf(admitted)) {
        for (const r of LIMITED_RESOURCES) {
          const reason = limitViolation(item, r, container[REQUEST[r]], container[LIMIT[r]]);
          if (reason !== undefined) forbidden([...path, 'resources'], reason);
        }
      }
      continue;
    }
    // A pod-level figure exists when some container sets the resource (PodRequests / PodLimits leave it out otherwise).
    const all = containersOf(admitted).map((c) => c.container);
    for (const r of LIMITED_RESOURCES) {
      const requested = all.some((c) => c[REQUEST[r]] !== undefined) ? effectiveContainerRequest(template.containers, template.initContainers, (c) => c[REQUEST[r]]) : undefined;
      const limited = all.some((c) => c[LIMIT[r]] !== undefined) ? effectiveContainerRequest(template.containers, template.initContainers, (c) => c[LIMIT[r]]) : undefined;
      const reason = limitViolation(item, r, requested, limited);
      if (reason !== undefined) forbidden(admitted.specPath, reason);
    }
  }
}
