/** spec.faults[].metricsServerOutage → MetricsServerOutageFault: a window from < to. */
import type { z } from 'zod';
import type { MetricsServerOutageFault } from '../fault-types.js';
import type { MetricsServerOutageSchema } from '../schema/fault-schema.js';
import { windowSeconds, type FaultResolveContext, type FieldPath } from './fault-context.js';

export function resolveMetricsServerOutage(f: z.output<typeof MetricsServerOutageSchema>, path: FieldPath, ctx: FaultResolveContext): MetricsServerOutageFault | undefined {
  const window = windowSeconds(f, path, ctx);
  return window === undefined ? undefined : { kind: 'metricsServerOutage', ...window };
}
