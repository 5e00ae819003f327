/**
 * holdYoungGeneration (src/launch/young-generation.ts): V8 honours the growth factor set at run
 * time, so the young generation keeps the size it had when the hold began. Each case runs in a
 * child process of its own (V8 flags are the whole process's), from the built module in dist/, and
 * allocates objects of which a sliding window survives, as a long run's pods and events do.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const MODULE = join(import.meta.dirname, '..', '..', 'dist', 'launch', 'young-generation.js');

/** The young generation's sizes (MiB) in a child that allocates survivors, holding after `holdAfter` objects (or never). */
function youngSizes(holdAfter: number | undefined): { atHold: number | undefined; sizes: number[] } {
  const probe = `
    const v8 = await import('node:v8');
    const { holdYoungGeneration } = await import(${JSON.stringify(pathToFileURL(MODULE).href)});
    const young = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size / 1048576;
    const keep = [];
    const sizes = new Set();
    let atHold;
    for (let i = 0; i < 3e6; i++) {
      if (i === ${holdAfter ?? -1}) { holdYoungGeneration(); atHold = young(); }
      keep.push({ a: i, b: [i] });
      if (keep.length > 200000) keep.splice(0, 100000);
      if ((i & 0xffff) === 0) sizes.add(young());
    }
    process.stdout.write(JSON.stringify({ atHold, sizes: [...sizes] }));
  `;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as { atHold: number | undefined; sizes: number[] };
}

describe('holdYoungGeneration', () => {
  it('without a hold, V8 grows the young generation as survivors add up', () => {
    const { sizes } = youngSizes(undefined);
    expect(Math.max(...sizes)).toBeGreaterThan(Math.min(...sizes) * 4);
  });

  it('after the hold, the young generation keeps the size it had', () => {
    // Held early (V8 doubles the young generation from 1 MiB several times over the first 80,000 or
    // so of these objects), so that without the hold it would still grow; not at the very start,
    // where V8 still took its first step, from 1 to 2 MiB, after the hold.
    const { atHold, sizes } = youngSizes(20_000);
    const unheld = youngSizes(undefined).sizes;
    expect(atHold).toBeGreaterThan(0);
    expect(atHold).toBeLessThan(Math.max(...unheld));
    expect(Math.max(...sizes)).toBe(atHold);
  });
});
