/**
 * Registry of KEDA trigger types (KEDA's scaler builder map, pkg/scaling/scalers_builder.go
 * buildScaler): one ScalerDefinition per file, one entry here.
 */
import type { ScalerDefinition } from '../types.js';
import { awsSqsQueueScaler } from './aws-sqs-queue.js';
import { azureQueueScaler } from './azure-queue.js';
import { azureServiceBusScaler } from './azure-servicebus.js';
import { cpuScaler } from './cpu.js';
import { cronScaler } from './cron.js';
import { gcpPubSubScaler } from './gcp-pubsub.js';
import { kafkaScaler } from './kafka.js';
import { memoryScaler } from './memory.js';
import { metricsApiScaler } from './metrics-api.js';
import { mysqlScaler } from './mysql.js';
import { natsJetStreamScaler } from './nats-jetstream.js';
import { postgresqlScaler } from './postgresql.js';
import { prometheusScaler } from './prometheus.js';
import { rabbitmqScaler } from './rabbitmq.js';
import { redisClusterScaler, redisScaler, redisSentinelScaler } from './redis.js';
import { redisClusterStreamsScaler, redisSentinelStreamsScaler, redisStreamsScaler } from './redis-streams.js';

const SCALERS: ReadonlyMap<string, ScalerDefinition> = new Map(
  [
    cpuScaler,
    memoryScaler,
    prometheusScaler,
    kafkaScaler,
    rabbitmqScaler,
    redisScaler,
    redisClusterScaler,
    redisSentinelScaler,
    redisStreamsScaler,
    redisClusterStreamsScaler,
    redisSentinelStreamsScaler,
    awsSqsQueueScaler,
    azureQueueScaler,
    azureServiceBusScaler,
    gcpPubSubScaler,
    natsJetStreamScaler,
    mysqlScaler,
    postgresqlScaler,
    metricsApiScaler,
    cronScaler,
  ].map((s) => [s.type, s]),
);

/** Trigger types that become HPA Resource metrics (getScaledObjectState counts them as cpuMemCount). */
const RESOURCE_TRIGGER_TYPES: ReadonlySet<string> = new Set(['cpu', 'memory']);

/** The scaler for a trigger `type` (as written in spec.triggers[].type), or undefined when unsupported. */
export function findScaler(type: string): ScalerDefinition | undefined {
  return SCALERS.get(type);
}

/** Every supported trigger type, sorted (for "expected one of …" messages). */
export function scalerTypes(): string[] {
  return [...SCALERS.keys()].sort();
}

/** True for cpu and memory: no polling, always active when they are the only triggers. */
export function isResourceTriggerType(type: string): boolean {
  return RESOURCE_TRIGGER_TYPES.has(type);
}
