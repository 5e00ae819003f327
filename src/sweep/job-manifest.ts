/**
 * The Kubernetes Job that runs a sharded sweep (`sweep --shards N --emit-job`): a batch/v1 Job in
 * Indexed completion mode with N completions; the pod of index i runs
 *   scalesim sweep <dir> <the same --grid/--seed/--duration> --shards N --workers <cpu>
 *           --out /results/<job name>/shard-$(JOB_COMPLETION_INDEX)
 * (progress goes to the pod's log as a plain line per tenth of its settings)
 * (the kubelet expands $(JOB_COMPLETION_INDEX) from the container's environment; the Job controller
 * sets that variable, and the manifest declares it too, from the completion-index annotation), and
 * the sweep reads its shard from the same variable. Results go to a PersistentVolumeClaim mounted at
 * /results, under a folder named after the Job, so that two sweeps sharing a claim keep their parts
 * and journals apart; a retried pod resumes from its shard's journal there. restartPolicy Never with
 * backoffLimitPerIndex retries each index on its own.
 */
import { stringify } from 'yaml';

export interface SweepJobOptions {
  name: string;
  image: string;
  /** The scenario folder as the container sees it (relative to the image's working directory, or absolute). */
  scenarioDir: string;
  /** The sweep's flags other than --shards/--workers/--out: --grid …, --seed, --duration. */
  sweepArgs: string[];
  shards: number;
  parallelism: number;
  resultsPvc: string;
  cpu: string;
  memory: string;
  workers: number;
  backoffLimitPerIndex: number;
  fingerprint: string;
}

export const RESULTS_MOUNT = '/results';

/** Where the pods of Job `name` write their parts: `/results/<name>/shard-<i>`. */
export function partsFolder(name: string): string {
  return `${RESULTS_MOUNT}/${name}`;
}

export function sweepJob(o: SweepJobOptions): Record<string, unknown> {
  const labels = { 'app.kubernetes.io/name': 'scalesim', 'app.kubernetes.io/component': 'sweep', 'scalesim.dev/sweep': o.fingerprint.slice(0, 16) };
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: o.name, labels },
    spec: {
      completionMode: 'Indexed',
      completions: o.shards,
      parallelism: o.parallelism,
      backoffLimitPerIndex: o.backoffLimitPerIndex,
      template: {
        metadata: { labels },
        spec: {
          restartPolicy: 'Never',
          // The image runs as the node user (uid 1000): let it write to the results volume.
          securityContext: { runAsNonRoot: true, runAsUser: 1000, fsGroup: 1000 },
          containers: [
            {
              name: 'sweep',
              image: o.image,
              args: ['sweep', o.scenarioDir, ...o.sweepArgs, '--shards', String(o.shards), '--workers', String(o.workers), '--out', `${partsFolder(o.name)}/shard-$(JOB_COMPLETION_INDEX)`],
              env: [{ name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { fieldPath: "metadata.annotations['batch.kubernetes.io/job-completion-index']" } } }],
              resources: { requests: { cpu: o.cpu, memory: o.memory }, limits: { memory: o.memory } },
              volumeMounts: [{ name: 'results', mountPath: RESULTS_MOUNT }],
            },
          ],
          volumes: [{ name: 'results', persistentVolumeClaim: { claimName: o.resultsPvc } }],
        },
      },
    },
  };
}

export function sweepJobYaml(o: SweepJobOptions): string {
  return `# scalesim sweep: ${o.shards} shards of ${o.scenarioDir}; apply with kubectl apply -f, then scalesim merge the parts under ${partsFolder(o.name)}\n${stringify(sweepJob(o), { lineWidth: 0, aliasDuplicateObjects: false })}`;
}
