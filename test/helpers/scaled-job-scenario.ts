/**
 * The files of a small ScaledJob scenario: messages arrive in a standalone queue at 0.2 a second
 * for `arrivalMinutes`, and KEDA creates one Job per message at each 10 s poll (rabbitmq over HTTP,
 * queueLength 1, maxReplicaCount 20); each Job takes one message and runs 45 s on 500m.
 */
import { lines } from '../scenario/helpers/scenario-folder.js';

/** The rabbitmq trigger's metadata line (tests swap it for the AMQP form). */
export const HTTP_TRIGGER = '      metadata: {host: "http://guest:guest@rabbitmq:15672/", queueName: uploads, mode: QueueLength, value: "1"}';

export function scaledJobFiles(options: { durationMinutes: number; arrivalMinutes: number }): Record<string, string> {
  const { durationMinutes, arrivalMinutes } = options;
  const at = (minutes: number): string => `2024-01-01T00:${String(minutes).padStart(2, '0')}:00Z`;
  return {
    'scenario.yaml': lines(
      'apiVersion: scalesim.dev/v1alpha1',
      'kind: Scenario',
      'spec:',
      `  duration: ${durationMinutes}m`,
      '  outputInterval: 30s',
      '  traces:',
      '    uploads: {file: traces/uploads.csv, valueKind: ratePerSecond}',
      '  queues:',
      '    uploads: {trace: uploads}',
      '  jobs:',
      '    resizer: {queue: uploads, messagesPerJob: 1, runSeconds: 45}',
      '  nodePools: [{name: default, count: 2, cpu: "8", memory: 32Gi}]',
    ),
    'traces/uploads.csv': lines('timestamp,value', `${at(0)},0.2`, `${at(arrivalMinutes)},0`, `${at(durationMinutes)},0`),
    'manifests/job.yaml': lines(
      'apiVersion: keda.sh/v1alpha1',
      'kind: ScaledJob',
      'metadata: {name: resizer}',
      'spec:',
      '  pollingInterval: 10',
      '  maxReplicaCount: 20',
      '  jobTargetRef:',
      '    template:',
      '      spec:',
      '        restartPolicy: Never',
      '        containers: [{name: resizer, image: resizer:2, resources: {requests: {cpu: 500m, memory: 256Mi}}}]',
      '  triggers:',
      '    - type: rabbitmq',
      HTTP_TRIGGER,
    ),
  };
}
