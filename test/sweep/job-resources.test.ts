/**
 * The Job's CPU and memory flags as Kubernetes quantities: the workers a pod runs for its CPU
 * request (one per whole core, at least one, at most the sweep's 1,024), and a memory request in
 * whole bytes (upstream warns that a fractional byte value such as 512m is invalid).
 */
import { describe, expect, it } from 'vitest';
import { podMemoryBytes, podWorkers } from '../../src/sweep/job-resources.js';

describe('podWorkers (--job-cpu)', () => {
  it.each([
    ['1', 1],
    ['2', 2],
    ['1500m', 1],
    ['500m', 1],
    ['4000m', 4],
    ['2.5', 2],
    ['1e1', 10],
    ['1k', 1000],
    ['1Ki', 1024],
  ])('%s → %i workers', (cpu, workers) => {
    expect(podWorkers(cpu)).toEqual({ ok: true, value: workers });
  });

  it.each([
    ['0', /above 0/],
    ['0m', /above 0/],
    ['-2', /above 0/],
    ['two', /expected a CPU quantity above 0 such as 2 or 1500m/],
    ['2 cores', /expected a CPU quantity/],
    ['2k', /"2k" is 2000 cores: expected at most 1024 cores/],
    ['1M', /"1M" is 1000000 cores/],
    ['1025', /expected at most 1024 cores/],
  ])('%s is refused', (cpu, expected) => {
    const r = podWorkers(cpu);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.expected).toMatch(expected);
  });
});

describe('podMemoryBytes (--job-memory)', () => {
  it.each([
    ['1Gi', 1024 ** 3],
    ['512Mi', 512 * 1024 ** 2],
    ['1.5Gi', 1.5 * 1024 ** 3],
    ['768M', 768e6],
    ['1000m', 1],
  ])('%s → %i bytes', (memory, bytes) => {
    expect(podMemoryBytes(memory)).toEqual({ ok: true, value: bytes });
  });

  it.each([
    ['0', /above 0/],
    ['0Mi', /above 0/],
    ['1 Gi', /expected a memory quantity above 0 such as 1Gi/],
    ['512m', /"512m" is 0\.512 bytes, a fractional byte value .*the suffix m means thousandths/],
    ['0.5', /"0\.5" is 0\.5 bytes/],
  ])('%s is refused', (memory, expected) => {
    const r = podMemoryBytes(memory);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.expected).toMatch(expected);
  });
});
