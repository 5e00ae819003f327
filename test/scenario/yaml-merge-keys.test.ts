/**
 * YAML merge keys (`<<: *anchor`, YAML 1.1), which kubectl's parser (sigs.k8s.io/yaml on go-yaml)
 * resolves: a manifest that shares its requests through an anchor loads as if written out. Before,
 * `<<` was read as a resource named "<<", so the sidecar's cpu request fell back to its limit.
 */
import { describe, expect, it } from 'vitest';
import { BASE_SCENARIO, BASE_TRACE, baseFiles } from './helpers/base-scenario.js';
import { lines, loadFolder } from './helpers/scenario-folder.js';

const DEPLOYMENT = lines(
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata: {name: web}',
  'spec:',
  '  selector: {matchLabels: {app: web}}',
  '  template:',
  '    metadata: {labels: {app: web}}',
  '    spec:',
  '      containers:',
  '        - name: web',
  '          resources:',
  '            requests: &req',
  '              cpu: 100m',
  '            limits: {cpu: 500m}',
  '        - name: log-shipper',
  '          resources:',
  '            requests:',
  '              <<: *req',
  '              memory: 64Mi',
  '            limits: {cpu: "1", memory: 64Mi}',
);

describe('YAML merge keys in manifests', () => {
  it('merge the anchored mapping: the sidecar requests 100m cpu and 64Mi, not its 1-cpu limit', async () => {
    const scenario = await loadFolder({ ...baseFiles(), 'scenario.yaml': BASE_SCENARIO, 'traces/web.csv': BASE_TRACE, 'manifests/web.yaml': DEPLOYMENT });
    const [web, sidecar] = scenario.workloads[0]!.template.containers;
    expect(web).toMatchObject({ cpuRequestMillicores: 100 });
    expect(sidecar).toMatchObject({ cpuRequestMillicores: 100, memoryRequestBytes: 64 * 1024 ** 2 });
    expect(scenario.warnings.map((w) => w.message).join('\n')).not.toContain('<<');
  });
});
