/**
 * One run of `npm run bench:ab` (src/bench/side-by-side.ts): loads a bench case with the modules of
 * the build in `dist` (this checkout's or the base's), runs it with no output, and prints the run's
 * wall and CPU seconds, its events and the process's peak RSS as JSON. The same file drives both builds, so only the engine
 * differs: the scenario load, the null table sinks and the timing are the same code.
 *
 *   node dist/bench/side-by-side-child.js <dist> <scenario-dir> <duration-seconds|-> <overrides|-> <decisions|->
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [dist, scenarioDir, durationText, overrides, decisions] = process.argv.slice(2) as [string, string, string, string, string];
/** A module of the build under test; a build without it cannot run this comparison (an older layout, say). */
async function load<T>(path: string): Promise<T> {
  try {
    return (await import(pathToFileURL(join(dist, path)).href)) as T;
  } catch (error) {
    process.stderr.write(`the build in ${dist} has no usable ${path}: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}

const { loadScenario } = await load<{ loadScenario: (dir: string, options: object) => Promise<unknown> }>('scenario/load-scenario.js');
const { runScenario } = await load<{ runScenario: (s: unknown, options: object) => { built: { sim: { eventsProcessed: number } } } }>('engine/run-scenario.js');
const { NullTableSink } = await load<{ NullTableSink: new (header: readonly string[]) => unknown }>('report/table-sink.js');
const { parseOverrides } = await load<{ parseOverrides: (text: string, flag: string) => unknown[] }>('compare/overrides.js');

const scenario = await loadScenario(scenarioDir, {
  ...(durationText !== '-' ? { durationSeconds: Number(durationText) } : {}),
  ...(decisions !== '-' ? { decisions } : {}),
  patches: overrides !== '-' ? parseOverrides(overrides, 'bench:ab') : [],
});
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const result = runScenario(scenario, { tables: (_name: string, header: readonly string[]) => new NullTableSink(header) });
const runSeconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
// Peak RSS of the whole process (maxRSS is in KiB): compared side by side, it shows what a change
// did to memory, which a change that keeps every output byte-identical can still move.
const peakRssMiB = process.resourceUsage().maxRSS / 1024;
process.stdout.write(JSON.stringify({ runSeconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, events: result.built.sim.eventsProcessed, peakRssMiB }));
