/**
 * A two-pool cluster for cluster-autoscaler fault tests: `fixed` (one 2-CPU node, not autoscaled)
 * and `workers` (2-CPU nodes, 0 to 4, booting in 60 s), and `app`, two pods of 1500m. One pod runs on
 * fixed-0; the other is Pending at t = 0, so the first loop (about 7.5 s) adds workers-0, registered
 * about 67.5 s in. Run for 60 minutes with seed 1 and the given spec.faults items.
 */
import { deploymentYaml } from '../scenario/helpers/base-scenario.js';
import type { FolderFiles } from '../scenario/helpers/scenario-folder.js';

export function fixedAndWorkersFiles(faultItems: readonly string[]): FolderFiles {
  const scenario = [
    'apiVersion: scalesim.dev/v1alpha1',
    'kind: Scenario',
    'spec:',
    '  seed: 1',
    '  duration: 60m',
    '  nodePools:',
    '    - {name: fixed, count: 1, cpu: "2", memory: 4Gi}',
    '    - {name: workers, count: 0, minSize: 0, maxSize: 4, cpu: "2", memory: 4Gi, bootTime: 60s}',
    '  clusterAutoscaler: {expander: least-waste}',
    ...(faultItems.length > 0 ? ['  faults:', ...faultItems.map((f) => `    - ${f}`)] : []),
    '',
  ].join('\n');
  const app = deploymentYaml('app', 2, '      containers:', '        - {name: c, image: x, resources: {requests: {cpu: 1500m, memory: 100Mi}}}');
  return { 'scenario.yaml': scenario, 'manifests/app.yaml': app };
}
