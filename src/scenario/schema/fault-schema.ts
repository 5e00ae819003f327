/**
 * scenario.yaml `spec.faults`: one kind per item — windows in which KEDA scaler reads fail, container
 * crashes and crash loops, liveness failures, readiness flapping, node failures, nodes that never
 * become Ready, metrics-server outages. Instants (`at`, `from`, `to`) are a duration since t = 0 ("2h", "90m", 7200) or a clock
 * time "HH:MM[:SS]" on the first day of the run (in spec.startTime's UTC offset); clock times are
 * turned into seconds once the start is known. Cross-field rules are checked by the resolvers.
 */
import { z } from 'zod';
import { isValueFormatError, ValueFormatError } from '../../errors/value-format-error.js';
import { parseDuration } from '../duration.js';
import { durationSeconds, nonNegativeInteger, positiveDurationSeconds, positiveInteger, positiveNumber } from './fields.js';

/** A fault bound as written: seconds since t = 0, or seconds after midnight of the first day. */
export type FaultInstant = { kind: 'elapsed'; seconds: number } | { kind: 'clock'; secondsOfDay: number; text: string };

const CLOCK_PATTERN = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/** "02:20" → clock time; anything else must be a duration ≥ 0. */
export function parseFaultInstant(input: string | number): FaultInstant {
  const clock = typeof input === 'string' ? CLOCK_PATTERN.exec(input.trim()) : null;
  if (clock) {
    const [hours, minutes, seconds] = [clock[1], clock[2], clock[3] ?? '0'].map(Number) as [number, number, number];
    if (hours > 23 || minutes > 59 || seconds > 59) throw new ValueFormatError(`"${input}" is not a clock time (expected HH:MM from 00:00 to 23:59)`);
    return { kind: 'clock', secondsOfDay: hours * 3600 + minutes * 60 + seconds, text: String(input).trim() };
  }
  try {
    return { kind: 'elapsed', seconds: parseDuration(input) };
  } catch (e) {
    if (!isValueFormatError(e)) throw e;
    throw new ValueFormatError(e.message, 'write a duration since t = 0 such as "2h" or "1h30m", or a clock time of the first day such as "02:00"');
  }
}

export const faultInstant = () =>
  z
    .union([z.string(), z.number()])
    .transform((input, ctx) => {
      try {
        return parseFaultInstant(input);
      } catch (e) {
        if (!isValueFormatError(e)) throw e;
        ctx.addIssue({ code: 'custom', message: e.message, params: e.hint ? { hint: e.hint } : undefined, input });
        return z.NEVER;
      }
    })
    .describe('a duration since t = 0 such as 2h or 90m, or a clock time "HH:MM" of the first day');

export const ScalerUnavailableSchema = z.strictObject({
  triggerType: z.string().min(1).optional().describe('a KEDA trigger type such as prometheus (every trigger of that type fails)'),
  trigger: z.string().min(1).optional().describe('<ScaledObject or ScaledJob name>/<trigger index or name>'),
  from: faultInstant(),
  to: faultInstant(),
  message: z.string().min(1).optional().describe('the error the failing reads report'),
});

const workload = () => z.string().min(1).describe('the name of a Deployment or StatefulSet in the manifests');
const podIndex = () => nonNegativeInteger('index of the pod in the workload, oldest first').optional();

/** `at`, or `ratePerHour` with an optional `from`/`to` window: when a repeatable fault fires. */
const timingFields = {
  at: faultInstant().optional(),
  ratePerHour: positiveNumber('firings per hour (a seeded Poisson process)').optional(),
  from: faultInstant().optional(),
  to: faultInstant().optional(),
};

export const ContainerCrashSchema = z.strictObject({
  workload: workload(),
  ...timingFields,
  count: positiveInteger('pods hit at each firing').default(1),
  pod: podIndex(),
});

export const CrashLoopSchema = z.strictObject({ workload: workload(), from: faultInstant(), to: faultInstant() });

export const LivenessFailureSchema = z.strictObject({ workload: workload(), ...timingFields, pod: podIndex() });

export const ReadinessFlapSchema = z.strictObject({
  workload: workload(),
  from: faultInstant(),
  to: faultInstant(),
  periodSeconds: positiveNumber('seconds each half of the pods is NotReady before the other half: the pods alternate, those at even positions (oldest first) NotReady first').default(10),
});

export const NodeFailureSchema = z.strictObject({
  pool: z.string().min(1).optional().describe('a node pool (one of its live nodes fails)'),
  node: z.string().min(1).optional().describe('a node name <pool>-<index> present at t = 0'),
  zone: z.string().min(1).optional().describe("a zone: a node pool's topology.kubernetes.io/zone label (failure-domain.beta.kubernetes.io/zone first when set); every live node of the zone fails at once"),
  ...timingFields,
  recoverAfter: positiveDurationSeconds('recoverAfter').optional(),
  nodeMonitorGracePeriod: durationSeconds('nodeMonitorGracePeriod')
    .optional()
    .describe('kube-controller-manager --node-monitor-grace-period: how long the API shows the dead node Ready (default 50s; 0 marks it NotReady at once)'),
  capacityLost: z
    .enum(['reported', 'unreported'])
    .optional()
    .describe("reported or unreported, with zone only: besides its live nodes failing, the zone's cloud capacity is lost until recoverAfter (for ever without it), and nodes its pools are asked for are not launched. reported: the cloud provider lists them with an OutOfResource error (AWS: the auto-scaling group's failed scaling activity), so the cluster-autoscaler backs the group off and deletes them at its next loop; unreported: they never come up, and its scale-up there times out after --max-node-provision-time (unset: only the zone's live nodes fail)"),
});

export const NodeBootFailureSchema = z.strictObject({
  pool: z.string().min(1).describe('a node pool whose new nodes may fail to become Ready'),
  probability: z
    .number()
    .gt(0)
    .lte(1)
    .describe('the chance, above 0 and at most 1, that a node of the pool registering inside the window never becomes Ready (a seeded draw per node)'),
  from: faultInstant().optional().describe('nodes registering from this instant (default: t = 0)'),
  to: faultInstant().optional().describe('nodes registering before this instant (default: the end of the run)'),
});

export const CapacityLossSchema = z.strictObject({
  zone: z.string().min(1).optional().describe("a zone: every real pool with that topology.kubernetes.io/zone label (failure-domain.beta.kubernetes.io/zone first when set)"),
  pool: z.string().min(1).optional().describe('a node pool (its instance type out of stock, as EC2 InsufficientInstanceCapacity)'),
  from: faultInstant(),
  to: faultInstant().optional().describe('when capacity is back (default: never)'),
  reported: z
    .boolean()
    .default(true)
    .describe("true (default): the cloud provider lists each failed launch with an OutOfResource error (AWS: the auto-scaling group's failed scaling activity), so the cluster-autoscaler backs the group off and deletes it at its next loop; false: launches are accepted and never come up, so its scale-up times out after --max-node-provision-time"),
});

export const MetricsServerOutageSchema = z.strictObject({ from: faultInstant(), to: faultInstant() });

/** One fault per item; the resolvers report an item with none or several kinds. */
export const FaultSchema = z.strictObject({
  scalerUnavailable: ScalerUnavailableSchema.optional(),
  containerCrash: ContainerCrashSchema.optional(),
  crashLoop: CrashLoopSchema.optional(),
  livenessFailure: LivenessFailureSchema.optional(),
  readinessFlap: ReadinessFlapSchema.optional(),
  nodeFailure: NodeFailureSchema.optional(),
  nodeBootFailure: NodeBootFailureSchema.optional(),
  capacityLoss: CapacityLossSchema.optional(),
  metricsServerOutage: MetricsServerOutageSchema.optional(),
});

export type FaultInput = z.output<typeof FaultSchema>;
export type FaultKindName = keyof FaultInput;
