/**
 * The flags of `scalesim sweep` as commander hands them over, and the whole-number check its
 * counts (--workers, --shards, --shard, the Job's numbers) share.
 */
import { UserInputError } from '../../errors/user-input-error.js';

export interface SweepFlags {
  grid?: string[];
  out?: string;
  seed?: string;
  seeds?: string;
  duration?: string;
  workers?: string;
  slo?: string;
  report?: string | false;
  workload?: string;
  json?: boolean;
  progress?: boolean;
  fresh?: boolean;
  shards?: string;
  shard?: string;
  emitJob?: string | true;
  image: string;
  resultsPvc: string;
  parallelism?: string;
  jobName?: string;
  jobCpu: string;
  jobMemory: string;
  jobScenarioDir?: string;
  backoffLimitPerIndex: string;
}

export function parseCount(text: string, flag: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new UserInputError({ file: '(command line)', field: flag, message: `expected a whole number ${max < Number.MAX_SAFE_INTEGER ? `from ${min} to ${max}` : `>= ${min}`}, got "${text}"` });
  }
  return n;
}
