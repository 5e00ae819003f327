/**
 * scenario.yaml `spec.workloads.<deployment name>`: how one workload turns offered requests into CPU,
 * memory and served requests (the simulator's load model; no Kubernetes counterpart). With `queue`
 * the workload is a queue worker: its trace gives message arrivals and the queue sets the backlog
 * and per-pod rate (so maxBacklogRequests and maxRequestsPerSecondPerPod must not be set too).
 */
import { z } from 'zod';
import { memoryBytes, nonNegativeInteger, nonNegativeNumber, positiveNumber } from './fields.js';
import { QueueSchema } from './queue-schema.js';
import { LOAD_MODEL_DEFAULTS } from './scenario-defaults.js';

export const LoadModelSchema = z.strictObject({
  trace: z.string().min(1).describe('the name of a trace under spec.traces'),
  cpuMillicoreSecondsPerRequest: positiveNumber('millicore-seconds of CPU per request'),
  baseCpuMillicores: nonNegativeNumber('millicores used by an idle pod').default(LOAD_MODEL_DEFAULTS.baseCpuMillicores),
  baseMemory: memoryBytes().default(LOAD_MODEL_DEFAULTS.baseMemoryBytes),
  memoryPerRequestPerSecond: memoryBytes().default(LOAD_MODEL_DEFAULTS.memoryBytesPerRequestPerSecond),
  maxRequestsPerSecondPerPod: positiveNumber('requests per second one ready pod can serve').optional(),
  maxBacklogRequests: nonNegativeInteger('requests that may wait').default(LOAD_MODEL_DEFAULTS.maxBacklogRequests),
  serviceTimeSeconds: positiveNumber('seconds to serve one request on an idle pod').optional(),
  container: z.string().min(1).optional().describe('the name of the container that serves traffic'),
  queue: QueueSchema.optional(),
});

export type LoadModelInput = z.output<typeof LoadModelSchema>;
