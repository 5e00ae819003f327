/**
 * spec.rollouts → RolloutSpec: each names a Deployment of the manifests (a StatefulSet's rolling
 * update and an ElasticWorkload's source are refused: neither is modelled), an instant in seconds
 * since t = 0 and an optional repeat period. Problems are reported at their fields, every item
 * checked; a rollout that would start after the run ends is warned about.
 */
import { suggestionHint } from './did-you-mean.js';
import type { ElasticSources } from './elastic-workload-checks.js';
import { instantSeconds } from './faults/fault-context.js';
import type { ManifestSet } from './manifests/manifest-set.js';
import type { ProblemSink } from './problem-sink.js';
import type { StartInstant } from './resolve-start-time.js';
import type { RolloutInput } from './schema/rollout-schema.js';
import type { RolloutSpec } from './types.js';
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

function deploymentNamed(name: string, path: (string | number)[], ctx: RolloutResolveContext): string | undefined {
  const { manifests, scenarioRef, sink } = ctx;
  const workload = manifests.workloads.find((w) => w.spec.name === name);
  const at = [...path, 'workload'];
  if (workload === undefined) {
    const deployments = manifests.workloads.filter((w) => w.spec.kind === 'Deployment').map((w) => w.spec.name).sort();
    sink.error(scenarioRef.problem(at, `no Deployment named "${name}" in the manifests`, suggestionHint(name, deployments, 'Deployments')));
    return undefined;
  }
  if (workload.spec.kind !== 'Deployment') {
    sink.error(scenarioRef.problem(at, `"${name}" is a ${workload.spec.kind}: only a Deployment's rollout is modelled (a StatefulSet's rolling update is not)`));
    return undefined;
  }
  const elastic = [...ctx.elasticSources].find(([, source]) => source === workload)?.[0];
  if (elastic !== undefined) {
    sink.error(scenarioRef.problem(at, `"${name}" is the source of ElasticWorkload ${elastic.spec.name}, whose pods are split into units: a rollout of it is not modelled`));
    return undefined;
  }
  return name;
}

export function resolveRollouts(items: readonly { index: number; item: RolloutInput }[], ctx: RolloutResolveContext): RolloutSpec[] {
  const out: RolloutSpec[] = [];
  for (const { index, item } of items) {
    const path = ['spec', 'rollouts', index];
    const workload = deploymentNamed(item.workload, path, ctx);
    const atSeconds = instantSeconds(item.at, [...path, 'at'], ctx);
    if (workload === undefined || atSeconds === undefined) continue;
    if (atSeconds >= ctx.durationSeconds) {
      ctx.sink.warn(ctx.scenarioRef.warning([...path, 'at'], `the rollout of ${workload} starts at ${atSeconds} s, at or after the end of the run (${ctx.durationSeconds} s): it never happens`));
    }
    out.push({ workload, atSeconds, ...(item.every === undefined ? {} : { everySeconds: item.every }) });
  }
  return out;
}
