/**
 * spec.rollouts → RolloutSpec: each names one Deployment or StatefulSet of the manifests (a name
 * several workloads share is ambiguous; an ElasticWorkload's source is refused, as its rollout is
 * not modelled, and so is a paused Deployment, as kubectl rollout restart refuses it), an instant
 * in seconds since t = 0 and an optional repeat period. Problems are reported at their fields,
 * every item checked; a rollout that would start after the run ends is warned about, and so is one
 * of a StatefulSet whose update strategy is OnDelete (nothing is replaced until pods are deleted).
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

/** The one Deployment or StatefulSet named `name` that may be rolled out; undefined after reporting why not. */
function workloadToRollOut(name: string, path: (string | number)[], ctx: RolloutResolveContext): WorkloadEntry | undefined {
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
    const workloads = manifests.workloads.map((w) => w.spec.name).sort();
    sink.error(scenarioRef.problem(at, `no Deployment or StatefulSet named "${name}" in the manifests`, suggestionHint(name, workloads, 'workloads')));
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
  if (workload.spec.statefulSet?.updateStrategy?.type === 'OnDelete') {
    sink.warn(
      scenarioRef.warning(
        at,
        `StatefulSet ${name}'s updateStrategy is OnDelete: the rollout gives it a new revision, but its pods take it only when they are made anew (a failure, an eviction, a scale-down and up), and kubectl rollout status never reports it complete`,
      ),
    );
  }
  return workload;
}

export function resolveRollouts(items: readonly { index: number; item: RolloutInput }[], ctx: RolloutResolveContext): RolloutSpec[] {
  const out: RolloutSpec[] = [];
  for (const { index, item } of items) {
    const path = ['spec', 'rollouts', index];
    const workload = workloadToRollOut(item.workload, path, ctx);
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
