/**
 * spec.rollouts → RolloutSpec: each names one Deployment of the manifests (a name several workloads
 * share is ambiguous; a StatefulSet's rolling update and an ElasticWorkload's source are refused,
 * as neither is modelled, and so is a paused Deployment, as kubectl rollout restart refuses it), an
 * instant in seconds since t = 0 and an optional repeat period. Problems are reported at their
 * fields, every item checked; a rollout that would start after the run ends is warned about.
 */
import { suggestionHint } from './did-you-mean.js';
import { elasticOwnerOf, type ElasticSources } from './elastic-workload-checks.js';
import { instantSeconds } from './faults/fault-context.js';
import type { ManifestSet, WorkloadEntry } from './manifests/manifest-set.js';
import { severalWorkloadsMessage, workloadMayHaveFailedToLoad, workloadsNamed } from './manifests/workload-index.js';
import type { ProblemSink } from './problem-sink.js';
import type { StartInstant } from './resolve-start-time.js';
import type { RolloutInput } from './schema/rollout-schema.js';
import type { RolloutSpec } from './rollout-types.js';
import type { DocRef } from './yaml/doc-ref.js';

export interface RolloutResolveContext {
  manifests: ManifestSet;
  elasticSources: ElasticSources;
  start: StartInstant;
  /** The run's length: a rollout starting at or after it is warned about. */
  durationSeconds: number;
  scenarioRef: DocRef;
  sink: ProblemSink;
}

/** The one Deployment named `name` that may be rolled out; undefined after reporting why not. */
function deploymentNamed(name: string, path: (string | number)[], ctx: RolloutResolveContext): WorkloadEntry | undefined {
  const { manifests, scenarioRef, sink } = ctx;
  const at = [...path, 'workload'];
  const matches = workloadsNamed(manifests, name);
  if (matches.length > 1) {
    sink.error(scenarioRef.problem(at, severalWorkloadsMessage(name, matches), 'give the workloads distinct names'));
    return undefined;
  }
  const workload = matches[0];
  if (workload === undefined) {
    if (workloadMayHaveFailedToLoad(manifests, name)) return undefined;
    const deployments = manifests.workloads.filter((w) => w.spec.kind === 'Deployment').map((w) => w.spec.name).sort();
    sink.error(scenarioRef.problem(at, `no Deployment named "${name}" in the manifests`, suggestionHint(name, deployments, 'Deployments')));
    return undefined;
  }
  if (workload.spec.kind !== 'Deployment') {
    sink.error(scenarioRef.problem(at, `"${name}" is a ${workload.spec.kind}: only a Deployment's rollout is modelled (a StatefulSet's rolling update is not)`));
    return undefined;
  }
  const elastic = elasticOwnerOf(workload, ctx.elasticSources);
  if (elastic !== undefined) {
    sink.error(scenarioRef.problem(at, `"${name}" is the source of ElasticWorkload ${elastic.spec.name}, whose pods are split into units: a rollout of it is not modelled`));
    return undefined;
  }
  if (workload.spec.rollout?.paused === true) {
    sink.error(
      scenarioRef.problem(at, `Deployment ${name} is paused (spec.paused): kubectl rollout restart refuses it ("can't restart paused deployment (run rollout resume first)")`, 'set spec.paused to false in its manifest, or drop the rollout'),
    );
    return undefined;
  }
  return workload;
}

export function resolveRollouts(items: readonly { index: number; item: RolloutInput }[], ctx: RolloutResolveContext): RolloutSpec[] {
  const out: RolloutSpec[] = [];
  for (const { index, item } of items) {
    const path = ['spec', 'rollouts', index];
    const workload = deploymentNamed(item.workload, path, ctx);
    const atSeconds = instantSeconds(item.at, [...path, 'at'], ctx);
    if (workload === undefined || atSeconds === undefined) continue;
    const { name, namespace } = workload.spec;
    if (atSeconds >= ctx.durationSeconds) {
      ctx.sink.warn(ctx.scenarioRef.warning([...path, 'at'], `the rollout of ${name} starts at ${atSeconds} s, at or after the end of the run (${ctx.durationSeconds} s): it never happens`));
    }
    out.push({ workload: name, namespace, atSeconds, ...(item.every === undefined ? {} : { everySeconds: item.every }) });
  }
  return out;
}
